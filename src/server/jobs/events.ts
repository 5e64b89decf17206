// In-process fan-out of audit events to whoever is watching one audit (the SSE route). The store
// is the truth; these events only spare watchers from polling it.
import type { ProgressEvent } from '../../audit/progress.js';
import type { AuditProgress, AuditRecord } from '../types.js';

export type AuditEvent =
  | { type: 'status'; audit: AuditRecord }
  | { type: 'progress'; auditId: string; event: ProgressEvent; progress: AuditProgress };

export type AuditEventListener = (event: AuditEvent) => void;

export class AuditEvents {
  private readonly listeners = new Map<string, Set<AuditEventListener>>();

  /** Returns the function that unsubscribes. */
  subscribe(auditId: string, listener: AuditEventListener): () => void {
    let set = this.listeners.get(auditId);
    if (!set) {
      set = new Set();
      this.listeners.set(auditId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(auditId);
    };
  }

  emit(auditId: string, event: AuditEvent): void {
    for (const listener of this.listeners.get(auditId) ?? []) {
      try {
        listener(event);
      } catch {
        // One broken watcher (a closed socket) must not stop the audit or the other watchers.
      }
    }
  }

  isWatched(auditId: string): boolean {
    return this.listeners.has(auditId);
  }

  watchedIds(): string[] {
    return [...this.listeners.keys()];
  }

  watcherCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
