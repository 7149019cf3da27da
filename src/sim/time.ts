/**
 * Virtual time. The core counts milliseconds from the cluster's start; timestamps written into
 * objects are that offset from a fixed epoch, so the same inputs always print the same dates.
 */
export const EPOCH_MS = Date.UTC(2026, 0, 1, 9, 0, 0);

/** RFC 3339 at second precision, as metav1.Time serialises. */
export function rfc3339(virtualMs: number): string {
  return new Date(EPOCH_MS + Math.floor(virtualMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A metav1.Time string back to virtual milliseconds. */
export function fromRfc3339(text: string): number {
  return Date.parse(text) - EPOCH_MS;
}

export class Clock {
  private current = 0;

  now(): number {
    return this.current;
  }

  /** Moves time forward; time never runs backwards while the cluster runs. */
  set(ms: number): void {
    if (ms > this.current) this.current = ms;
  }

  /** Puts the clock where a snapshot was taken (the one way back). */
  restore(ms: number): void {
    this.current = ms;
  }
}
