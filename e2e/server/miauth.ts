import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from './db.ts';
import { readBody, sendText } from './http.ts';
import { packUserDetailed } from './pack.ts';

// MiAuth: the consent page at /miauth/<session>, and the one-time check endpoint.

const REFUSED_SCHEMES = ['javascript:', 'data:', 'file:', 'mailto:', 'tel:', 'vbscript:'];
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src *";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function safeCallback(callback: string | null): URL | null {
  if (!callback) return null;
  try {
    const url = new URL(callback);
    return REFUSED_SCHEMES.includes(url.protocol.toLowerCase()) ? null : url;
  } catch {
    return null;
  }
}

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}` +
    `button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}ul{padding-left:1.2rem}</style></head>` +
    `<body><main>${body}</main></body></html>`
  );
}

function consentPage(db: Db, session: string, url: URL): string {
  const name = url.searchParams.get('name') || 'Unnamed app';
  const permissions = (url.searchParams.get('permission') ?? '').split(',').filter(Boolean);
  const callback = url.searchParams.get('callback') ?? '';
  const users = [...db.users.values()].filter((u) => !u.isBot);
  // alice is the demo's main persona (she follows the most people), so she comes first.
  const ordered = [...users.filter((u) => u.username === 'alice'), ...users.filter((u) => u.username !== 'alice')];
  const options = ordered.map((u) => `<option value="${escapeHtml(u.id)}">@${escapeHtml(u.username)}</option>`).join('');
  const perms =
    permissions.length > 0
      ? `<ul>${permissions.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`
      : '<p>No permissions requested.</p>';
  const hidden = (key: string, value: string) => `<input type="hidden" name="${key}" value="${escapeHtml(value)}">`;
  return page(
    `Authorize ${name}`,
    `<h1>Authorize “${escapeHtml(name)}”?</h1>` +
      `<p>This application asks for the following permissions:</p>${perms}` +
      `<form method="post" action="/miauth/${encodeURIComponent(session)}">` +
      hidden('name', name) +
      hidden('permission', permissions.join(',')) +
      hidden('callback', callback) +
      `<p><label for="user">Sign in as</label> <select id="user" name="user">${options}</select></p>` +
      `<button type="submit" name="decision" value="accept" aria-label="Accept and authorize ${escapeHtml(name)}">Accept</button>` +
      `<button type="submit" name="decision" value="deny" aria-label="Deny access to ${escapeHtml(name)}">Deny</button>` +
      `</form>`,
  );
}

export async function handleMiAuthPage(req: IncomingMessage, res: ServerResponse, url: URL, db: Db): Promise<void> {
  const session = decodeURIComponent(url.pathname.slice('/miauth/'.length));
  const headers = { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-store' };
  if (req.method === 'GET') {
    sendText(res, 200, 'text/html; charset=utf-8', consentPage(db, session, url), headers);
    return;
  }
  const form = new URLSearchParams((await readBody(req)).toString('utf8'));
  const user = db.users.get(form.get('user') ?? '');
  if (form.get('decision') !== 'accept' || !user) {
    sendText(
      res,
      200,
      'text/html; charset=utf-8',
      page('Denied', '<h1>Access denied</h1><p>You can close this window.</p>'),
      headers,
    );
    return;
  }
  const permissions = (form.get('permission') ?? '').split(',').filter(Boolean);
  const token = issueToken(db, user.id, permissions);
  db.miauth.set(session, {
    name: form.get('name') ?? '',
    permissions,
    callback: form.get('callback'),
    token,
    userId: user.id,
    checked: false,
  });
  const callback = safeCallback(form.get('callback'));
  if (!callback) {
    sendText(
      res,
      200,
      'text/html; charset=utf-8',
      page('Authorized', '<h1>Authorized</h1><p>You can return to the application.</p>'),
      headers,
    );
    return;
  }
  callback.searchParams.set('session', session);
  res.writeHead(302, { Location: callback.toString(), ...headers });
  res.end();
}

/** POST /api/miauth/<session>/check: the token once, then {ok: false}. */
export function checkMiAuth(db: Db, session: string): { ok: false } | { ok: true; token: string; user: unknown } {
  const entry = db.miauth.get(session);
  const user = entry?.userId ? db.users.get(entry.userId) : undefined;
  if (!entry || entry.checked || !entry.token || !user) return { ok: false };
  entry.checked = true;
  return { ok: true, token: entry.token, user: packUserDetailed(db, user, null) };
}

/** Issues an access token directly (used by tests and the control API). */
export function issueToken(db: Db, userId: string, permissions: string[]): string {
  const token = randomBytes(24).toString('base64url').slice(0, 32);
  db.tokens.set(token, { userId, permissions });
  return token;
}
