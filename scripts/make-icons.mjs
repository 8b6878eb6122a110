// Draws the app icons (the favicon's shape) as PNGs with no image library: `node scripts/make-icons.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const GREEN = [0x86, 0xb3, 0x00];
const WHITE = [0xff, 0xff, 0xff];
// The "M" of favicon.svg, in its 64-unit box.
const STROKE = [[16, 46], [16, 20], [26, 32], [32, 24], [38, 32], [48, 20], [48, 46]];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// maskable: full-bleed square, the mark shrunk into the 80% safe zone.
function icon(size, maskable) {
  const rows = [];
  const scale = 64 / size;
  const inset = maskable ? 0.2 : 0;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      let u = (x + 0.5) * scale, v = (y + 0.5) * scale;
      const r = 14, inside = maskable || Math.hypot(Math.max(r - u, 0, u - (64 - r)), Math.max(r - v, 0, v - (64 - r))) <= r;
      const mu = (u - 32) / (1 - inset) + 32, mv = (v - 32) / (1 - inset) + 32;
      const onStroke = STROKE.slice(1).some((p, i) => distToSegment(mu, mv, STROKE[i], p) <= 3);
      const [cr, cg, cb] = onStroke ? WHITE : GREEN;
      row.push(cr, cg, cb, inside ? 255 : 0);
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('public/icons/icon-192.png', icon(192, false));
writeFileSync('public/icons/icon-512.png', icon(512, false));
writeFileSync('public/icons/icon-maskable-512.png', icon(512, true));
