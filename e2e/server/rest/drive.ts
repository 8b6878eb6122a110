import { uploadFile } from '../actions.ts';
import { signedIn, type Endpoint } from '../endpoint.ts';
import { errors } from '../errors.ts';
import { pngSize } from '../images.ts';
import { packFile } from '../pack.ts';
import { optionalString } from '../params.ts';

export const driveEndpoints: Record<string, Endpoint> = {
  'drive/files/create': {
    requireCredential: true,
    kind: 'write:drive',
    handler: async (ctx) => {
      if (!ctx.file) throw errors.invalidParam('#/required', "must have required property 'file'");
      const data = Buffer.from(await ctx.file.arrayBuffer());
      const size = pngSize(data);
      const name = optionalString(ctx.params, 'name', { nullable: true }) ?? (ctx.file.name || 'untitled');
      const file = uploadFile(ctx.db, signedIn(ctx), {
        name,
        type: ctx.file.type || 'application/octet-stream',
        data,
        isSensitive: ctx.params.isSensitive === true || ctx.params.isSensitive === 'true',
        width: size?.width ?? null,
        height: size?.height ?? null,
      });
      return packFile(ctx.db, file, false);
    },
  },
};
