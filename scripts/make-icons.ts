// Draws the app icons (the favicon's shape) as PNGs: `npx tsx scripts/make-icons.ts`.
import { writeFileSync } from 'node:fs';
import { encodePng } from '../e2e/server/png.ts';

type Point = [number, number];
const GREEN = [0x86, 0xb3, 0x00];
const WHITE = [0xff, 0xff, 0xff];
// The "M" of favicon.svg, in its 64-unit box.
const STROKE: Point[] = [
  [16, 46],
  [16, 20],
  [26, 32],
  [32, 24],
  [38, 32],
  [48, 20],
  [48, 46],
];

function distToSegment(px: number, py: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// maskable: a full-bleed square with the mark shrunk into the 80% safe zone.
function icon(size: number, maskable: boolean): Buffer {
  const scale = 64 / size;
  const shrink = maskable ? 0.8 : 1;
  return encodePng(size, size, 4, (x, y) => {
    const u = (x + 0.5) * scale;
    const v = (y + 0.5) * scale;
    const r = 14;
    const inside = maskable || Math.hypot(Math.max(r - u, 0, u - (64 - r)), Math.max(r - v, 0, v - (64 - r))) <= r;
    const mu = (u - 32) / shrink + 32;
    const mv = (v - 32) / shrink + 32;
    const onStroke = STROKE.slice(1).some((p, i) => distToSegment(mu, mv, STROKE[i]!, p) <= 3);
    return [...(onStroke ? WHITE : GREEN), inside ? 255 : 0];
  });
}

writeFileSync('public/icons/icon-192.png', icon(192, false));
writeFileSync('public/icons/icon-512.png', icon(512, false));
writeFileSync('public/icons/icon-maskable-512.png', icon(512, true));
