// aidx ids: 8 base36 chars of ms since 2000-01-01, 4 chars of node, 4 chars of counter.
// Ids compare by plain string order, like a real Misskey server's.
const EPOCH = Date.UTC(2000, 0, 1);

export class IdGenerator {
  private counter = 0;

  constructor(private readonly node: string) {}

  next(at: number = Date.now()): string {
    const time = Math.max(0, at - EPOCH)
      .toString(36)
      .padStart(8, '0')
      .slice(-8);
    const counter = (this.counter++ % 36 ** 4).toString(36).padStart(4, '0');
    return time + this.node + counter;
  }
}

export function idToDate(id: string): Date {
  return new Date(parseInt(id.slice(0, 8), 36) + EPOCH);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-z]{16}$/.test(value);
}
