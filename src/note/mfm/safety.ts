// Guards for anything user-written that ends up in an attribute or an inline style.

// Only http(s) URLs become links or image sources; everything else stays text.
export function safeHttpUrl(raw: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href;
}

const HEX_COLOR = /^[0-9a-f]{3,8}$/i;

// MFM colours are bare hex digits (`$[fg.color=f00 …]`); nothing else reaches a style.
export function safeColor(raw: string | true | undefined): string | null {
  if (typeof raw !== 'string' || !HEX_COLOR.test(raw)) return null;
  return `#${raw}`;
}

export function clampNumber(raw: string | true | undefined, min: number, max: number, fallback: number): number {
  if (typeof raw !== 'string') return fallback;
  const value = Number.parseFloat(raw);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

const DURATION = /^\d{1,3}(\.\d{1,3})?(s|ms)$/;

// Animation speeds and delays like `1.5s` or `300ms`; anything else falls back.
export function safeDuration(raw: string | true | undefined, fallback: string): string {
  return typeof raw === 'string' && DURATION.test(raw) ? raw : fallback;
}
