/**
 * A controller work queue of keys, like client-go's delaying workqueue: a key is queued once,
 * at the earliest time it was asked for. Plain data, so it snapshots with the cluster.
 */
export class WorkQueue {
  private due = new Map<string, number>();

  /** Queue `key` to be processed at virtual time `at` (kept if an earlier time is queued). */
  add(key: string, at: number): void {
    const current = this.due.get(key);
    if (current === undefined || at < current) this.due.set(key, at);
  }

  has(key: string): boolean {
    return this.due.has(key);
  }

  /** Removes and returns the keys due at or before `now`, in due-time then insertion order. */
  popDue(now: number): string[] {
    const ready: [string, number][] = [];
    for (const [key, at] of this.due) if (at <= now) ready.push([key, at]);
    ready.sort((a, b) => a[1] - b[1]);
    for (const [key] of ready) this.due.delete(key);
    return ready.map(([key]) => key);
  }

  /** The earliest due time, or undefined when empty. */
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const at of this.due.values()) if (min === undefined || at < min) min = at;
    return min;
  }

  get size(): number {
    return this.due.size;
  }

  save(): [string, number][] {
    return [...this.due];
  }

  load(entries: [string, number][]): void {
    this.due = new Map(entries);
  }
}
