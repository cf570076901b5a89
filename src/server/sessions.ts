/**
 * Sessions by token and by agent. One session per agent: a second login
 * takes over cleanly, and the older console is told why it was closed.
 */
import { CLOSE } from '../protocol/index.js';
import type { SessionLink, SessionRegistry } from './context.js';
import { Session, type SessionLimits } from './session.js';

export class Sessions implements SessionRegistry {
  private readonly tokens = new Map<string, Session>();
  private readonly agents = new Map<string, Session>();
  private readonly connections = new Map<Session, SessionLink>();

  constructor(private readonly limits: SessionLimits) {}

  open(agentId: string, connection: SessionLink): Session {
    const old = this.agents.get(agentId);
    if (old) {
      this.takeOver(old, 'You signed in from another console.');
      this.end(old);
    }
    const session = new Session(agentId, this.limits);
    this.tokens.set(session.token, session);
    this.agents.set(agentId, session);
    this.connections.set(session, connection);
    return session;
  }

  adopt(session: Session, connection: SessionLink): void {
    const old = this.connections.get(session);
    if (old && old !== connection) this.takeOver(session, 'This session was resumed from another connection.');
    this.connections.set(session, connection);
  }

  byToken(token: string): Session | undefined {
    return this.tokens.get(token);
  }

  byAgent(agentId: string): Session | undefined {
    return this.agents.get(agentId);
  }

  end(session: Session): void {
    this.tokens.delete(session.token);
    if (this.agents.get(session.agentId) === session) this.agents.delete(session.agentId);
    this.connections.delete(session);
    session.socket = undefined;
  }

  all(): IterableIterator<Session> {
    return this.agents.values();
  }

  connectionOf(session: Session): SessionLink | undefined {
    return this.connections.get(session);
  }

  get size(): number {
    return this.agents.size;
  }

  private takeOver(session: Session, reason: string): void {
    const connection = this.connections.get(session);
    if (!connection) return;
    connection.detach();
    session.socket = undefined;
    connection.close(CLOSE.takenOver, reason);
  }
}
