/**
 * Every session of one agent: at most one primary (the console: a second
 * login takes it over) and any number, up to a cap, of secondary ones
 * (scripts, one-shot commands, `events --json`, dashboards), which never take
 * the console over. The fan-out writes each view event here once, and every
 * session numbers and sends it on its own.
 */
import type { ServerMessages, ViewEventType } from '../protocol/index.js';
import type { Session } from './session.js';

export class AgentSessions {
  primary?: Session;
  readonly secondaries = new Set<Session>();
  /**
   * What the agent's clients were last told, so the fan-out sends only
   * changes. One for all the agent's sessions: each starts from a snapshot
   * of the current state, and the fan-out keeps every one at the current state.
   */
  sentOffer: string | null = null;
  readonly sentWork = new Set<string>();

  constructor(readonly agentId: string) {}

  *sessions(): IterableIterator<Session> {
    if (this.primary) yield this.primary;
    yield* this.secondaries;
  }

  get empty(): boolean {
    return !this.primary && this.secondaries.size === 0;
  }

  push<T extends ViewEventType>(type: T, data: ServerMessages[T], dataJson = JSON.stringify(data)): void {
    for (const s of this.sessions()) s.push(type, data, dataJson);
  }

  sendEphemeral<T extends 'typing'>(type: T, data: ServerMessages[T]): void {
    for (const s of this.sessions()) s.sendEphemeral(type, data);
  }
}
