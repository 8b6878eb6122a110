// The server's theme colour as the accent, moved just far enough toward black (light theme) or
// white (dark theme) to stay readable as link text: WCAG AA, 4.5:1 against the page.

type Rgb = [number, number, number];

// The backgrounds of theme.css an accent is read on: the page in light, cards in dark.
const LIGHT_GROUND: Rgb = [0xf4, 0xf4, 0xf1];
const DARK_GROUND: Rgb = [0x1e, 0x21, 0x25];
const MIN_CONTRAST = 4.5;

export function parseHex(color: string): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(rgb: Rgb, toward: number, amount: number): Rgb {
  return rgb.map((v) => Math.round(v + (toward - v) * amount)) as Rgb;
}

function hex(rgb: Rgb): string {
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** The colour itself when it reads well on `ground`, else the nearest shade toward black or white that does. */
function readableOn(rgb: Rgb, ground: Rgb, toward: 0 | 255): Rgb {
  for (let step = 0; step <= 20; step++) {
    const shade = mix(rgb, toward, step / 20);
    if (contrast(shade, ground) >= MIN_CONTRAST) return shade;
  }
  return mix(rgb, toward, 1);
}

/** The accent for each theme from a server's themeColor, or null when it is not a colour. */
export function accentFor(themeColor: string): { light: string; dark: string } | null {
  const rgb = parseHex(themeColor);
  if (!rgb) return null;
  return { light: hex(readableOn(rgb, LIGHT_GROUND, 0)), dark: hex(readableOn(rgb, DARK_GROUND, 255)) };
}

/** Black or white, whichever reads better on `color` (null when it is not a hex colour). */
export function textOn(color: string): string | null {
  const rgb = parseHex(color);
  if (!rgb) return null;
  return contrast(rgb, [0, 0, 0]) >= contrast(rgb, [255, 255, 255]) ? '#000000' : '#ffffff';
}
