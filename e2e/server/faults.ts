// Injected failures for the e2e suite (test mode only): make chosen endpoints fail or lag.

export type FaultMode = '500' | '429' | '502-html' | 'delay';

export interface Fault {
  endpoint: string;
  mode: FaultMode;
  delayMs: number;
  retryAfter: number;
  /** how many more requests it applies to */
  remaining: number;
}

export class Faults {
  private list: Fault[] = [];

  add(fault: Fault): void {
    this.list.push(fault);
  }

  clear(): void {
    this.list = [];
  }

  /** The fault for this request, if any; each use counts against `times`. */
  take(endpoint: string): Fault | undefined {
    const fault = this.list.find((f) => f.endpoint === endpoint || f.endpoint === '*');
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.list = this.list.filter((f) => f !== fault);
    return fault;
  }
}
