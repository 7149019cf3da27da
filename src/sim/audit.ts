import type { AuditEntry } from './contract';

/** Every API write, in order: the source of the control-plane view and the timeline. */
export class AuditLog {
  private entries: AuditEntry[] = [];

  record(entry: AuditEntry): void {
    this.entries.push(entry);
  }

  all(): AuditEntry[] {
    return this.entries.slice();
  }

  save(): AuditEntry[] {
    return this.entries.slice();
  }

  load(entries: AuditEntry[]): void {
    this.entries = entries.slice();
  }
}
