// A size as people read it ("3.4 MB"), in the reader's language. Steps of 1024 as Misskey's own client
// counts them, so a role's 100 MB drive reads "100 MB".
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value);
}

/** Used share of the capacity, 0–100, rounded down so a full drive shows 100 only when it is full. */
export function usagePercent(usage: number, capacity: number): number {
  if (capacity <= 0) return 100;
  return Math.min(100, Math.floor((usage / capacity) * 1000) / 10);
}
