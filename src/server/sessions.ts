/**
 * Sessions by token and by agent. One session per agent: a second login
 * takes over cleanly, and the older console is told why it was closed.
 *
 * A session outlives a server restart: its token's key is recorded with the
 * login in the engine's log (and cleared by logout or a newer login). After a
 * restart this memory is empty; a token whose key is the current session of
 * a logged-in agent brings the session back (a fresh one, same token, with a
 * snapshot for the console), without a password check.
 */
import { CLOSE } from '../protocol/index.js';
import type { SessionLink, SessionRegistry } from './context.js';
import { Session, type SessionLimits } from './session.js';
import { tokenKey } from './tokens.js';

export class Sessions implements SessionRegistry {
  private readonly tokens = new Map<string, Session>();
  private readonly agents = new Map<string, Session>();
  private readonly connections = new Map<Session, SessionLink>();

  /** `agentOfSession`: the logged-in agent whose recorded session has this token key (the engine's log). */
  constructor(
    private readonly limits: SessionLimits,
    private readonly agentOfSession: (key: string) => string | undefined = () => undefined,
  ) {}

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
    return this.tokens.get(token) ?? this.restore(token);
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

  /** A session of before a restart, if its token is still the agent's current one. */
  private restore(token: string): Session | undefined {
    const agentId = this.agentOfSession(tokenKey(token));
    // A live session of that agent means a login since the restart: its token replaced this one.
    if (!agentId || this.agents.has(agentId)) return undefined;
    const session = new Session(agentId, this.limits, token);
    this.tokens.set(token, session);
    this.agents.set(agentId, session);
    return session;
  }

  private takeOver(session: Session, reason: string): void {
    const connection = this.connections.get(session);
    if (!connection) return;
    connection.detach();
    session.socket = undefined;
    connection.close(CLOSE.takenOver, reason);
  }
}
