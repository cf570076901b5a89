/** Committed batches to listeners, in order, to every listener alike. */
import type { EngineEvent } from './kernel/types.js';

export type EventListener = (events: readonly EngineEvent[]) => void;

export class Publisher {
  private listeners = new Set<EventListener>();
  private publishing = false;
  private pending: EngineEvent[][] = [];

  /** Returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(batches: EngineEvent[][]): void {
    // A listener may execute commands while we publish: queue their batches so every listener sees the same order.
    this.pending.push(...batches);
    if (this.publishing) return;
    this.publishing = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) for (const listener of this.listeners) listener(next);
    } finally {
      this.publishing = false;
    }
  }
}
