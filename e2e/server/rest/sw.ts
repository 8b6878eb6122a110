import { type Endpoint, signedIn } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { optionalBoolean, requiredString } from '../params.ts';
import type { SwSubscriptionRecord } from '../push.ts';

// Push registrations (sw/*), shaped like the recorded 2024.10.1 answers.

function shown(sub: SwSubscriptionRecord) {
  return { userId: sub.userId, endpoint: sub.endpoint, sendReadMessage: sub.sendReadMessage };
}

export const swEndpoints: Record<string, Endpoint> = {
  'sw/register': {
    requireCredential: true,
    handler: (ctx) => {
      const me = signedIn(ctx);
      const endpoint = requiredString(ctx.params, 'endpoint');
      const auth = requiredString(ctx.params, 'auth');
      const publickey = requiredString(ctx.params, 'publickey');
      const key = ctx.db.serviceWorker.publicKey;
      const existing = ctx.db.swSubscriptions.find(
        (s) => s.userId === me.id && s.endpoint === endpoint && s.auth === auth && s.publickey === publickey,
      );
      if (existing) return { state: 'already-subscribed', key, ...shown(existing) };
      const sub: SwSubscriptionRecord = {
        userId: me.id,
        endpoint,
        auth,
        publickey,
        sendReadMessage: optionalBoolean(ctx.params, 'sendReadMessage', false),
      };
      ctx.db.swSubscriptions.push(sub);
      return { state: 'subscribed', key, ...shown(sub) };
    },
  },
  'sw/show-registration': {
    requireCredential: true,
    handler: (ctx) => {
      const me = signedIn(ctx);
      const endpoint = requiredString(ctx.params, 'endpoint');
      const sub = ctx.db.swSubscriptions.find((s) => s.userId === me.id && s.endpoint === endpoint);
      // "Not registered" is an empty 204, not an error.
      return sub ? shown(sub) : undefined;
    },
  },
  'sw/update-registration': {
    requireCredential: true,
    handler: (ctx) => {
      const me = signedIn(ctx);
      const endpoint = requiredString(ctx.params, 'endpoint');
      const sub = ctx.db.swSubscriptions.find((s) => s.userId === me.id && s.endpoint === endpoint);
      if (!sub) throw errors.noSuchRegistration();
      sub.sendReadMessage = optionalBoolean(ctx.params, 'sendReadMessage', sub.sendReadMessage);
      return shown(sub);
    },
  },
  // Works without a credential too: then every registration of the endpoint goes.
  'sw/unregister': {
    handler: (ctx) => {
      const endpoint = requiredString(ctx.params, 'endpoint');
      const userId = ctx.me?.id ?? null;
      const kept = ctx.db.swSubscriptions.filter((s) => s.endpoint !== endpoint || (userId !== null && s.userId !== userId));
      ctx.db.swSubscriptions.splice(0, ctx.db.swSubscriptions.length, ...kept);
      return undefined;
    },
  },
};
