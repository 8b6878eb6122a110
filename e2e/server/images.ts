import { encodePng } from './png.ts';

// Small generated images, so nothing ever points at an external URL.

export type Rgb = [number, number, number];

// A PNG with a diagonal two-colour gradient and a stripe pattern.
export function gradientPng(width: number, height: number, from: Rgb, to: Rgb): Buffer {
  return encodePng(width, height, 3, (x, y) => {
    const t = (x + y) / (width + height - 2 || 1);
    const stripe = (x + y) % 16 < 2 ? 0.85 : 1;
    return [0, 1, 2].map((c) => Math.round((from[c]! * (1 - t) + to[c]! * t) * stripe));
  });
}

// An identicon-like avatar: a 5×5 symmetric grid coloured from the name's hash.
export function avatarSvg(name: string): string {
  let hash = 2166136261;
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const hue = hash % 360;
  const cells: string[] = [];
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if (!((hash >>> (y * 3 + x)) & 1)) continue;
      for (const cx of new Set([x, 4 - x])) cells.push(`<rect x="${cx * 12 + 2}" y="${y * 12 + 2}" width="12" height="12"/>`);
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">` +
    `<rect width="64" height="64" fill="hsl(${hue} 40% 92%)"/>` +
    `<g fill="hsl(${hue} 55% 45%)">${cells.join('')}</g></svg>`
  );
}

// A round face in the given colour, used for the custom emojis.
export function emojiSvg(color: string, mouth: 'smile' | 'flat' | 'open'): string {
  const mouths = {
    smile: '<path d="M20 40 Q32 52 44 40" stroke="#222" stroke-width="4" fill="none"/>',
    flat: '<path d="M22 44 H42" stroke="#222" stroke-width="4"/>',
    open: '<ellipse cx="32" cy="44" rx="8" ry="6" fill="#222"/>',
  };
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">` +
    `<circle cx="32" cy="34" r="26" fill="${color}"/>` +
    `<path d="M10 22 L16 4 L26 14 Z M54 22 L48 4 L38 14 Z" fill="${color}"/>` +
    `<circle cx="23" cy="30" r="4" fill="#222"/><circle cx="41" cy="30" r="4" fill="#222"/>` +
    `${mouths[mouth]}</svg>`
  );
}

/** Width and height of a PNG, or null for anything else. */
export function pngSize(data: Buffer): { width: number; height: number } | null {
  if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}
