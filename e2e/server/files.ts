import type { ServerResponse } from 'node:http';
import type { Db } from './db.ts';
import { CORS, sendText } from './http.ts';
import { emojiUrl } from './pack.ts';

// /files/<name>: generated avatars and emoji, seeded images and uploads (kept in memory).
export function serveFile(res: ServerResponse, url: URL, db: Db): void {
  const name = decodeURIComponent(url.pathname.slice('/files/'.length));
  const asset = db.assets.get(name);
  const file = asset ? undefined : db.files.get(name);
  const content = asset ?? (file ? { type: file.type, data: file.data } : undefined);
  if (!content) {
    sendText(res, 404, 'text/plain', 'Not found', CORS);
    return;
  }
  // Uploads are served as attachments unless they are images, so HTML or SVG uploads never run here.
  const inline = content.type.startsWith('image/') && (asset !== undefined || content.type !== 'image/svg+xml');
  sendText(res, 200, content.type, content.data, {
    ...CORS,
    'Cache-Control': 'public, max-age=31536000, immutable',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    ...(inline ? {} : { 'Content-Disposition': 'attachment' }),
  });
}

// /emoji/<name>.webp redirects to the emoji's image, like Misskey's proxy route.
export function redirectEmoji(res: ServerResponse, url: URL, db: Db): void {
  const match = /^\/emoji\/([\w+-]+)(?:@\.)?\.webp$/.exec(url.pathname);
  const emoji = match ? db.emojis.get(match[1]!) : undefined;
  if (!emoji) {
    sendText(res, 404, 'text/plain', 'Not found', CORS);
    return;
  }
  res.writeHead(302, { Location: emojiUrl(db, emoji), ...CORS });
  res.end();
}
