/**
 * Sessions by token and by agent. One primary session per agent (the
 * console): a second login takes over cleanly, and the older console is told
 * why it was closed. Secondary sessions (scripts) sit beside it, up to a cap,
 * and take nothing over.
 *
 * A console's session outlives a server restart: its token's key is recorded
 * with the login in the engine's log (and cleared by logout or a newer
 * login). After a restart this memory is empty; a token whose key is the
 * current session of a logged-in agent brings the session back (a fresh one,
 * same token, with a snapshot for the console), without a password check.
 * Secondary sessions are not recorded: they end with their socket.
 */
import { CLOSE, type SessionKind } from '../protocol/index.js';
import { AgentSessions } from './agent-sessions.js';
import type { SessionLink, SessionRegistry } from './context.js';
import { Session, type SessionLimits } from './session.js';
import { tokenKey } from './tokens.js';

export class Sessions implements SessionRegistry {
  private readonly tokens = new Map<string, Session>();
  private readonly agents = new Map<string, AgentSessions>();
  private readonly connections = new Map<Session, SessionLink>();

  /** `agentOfSession`: the logged-in agent whose recorded session has this token key (the engine's log). */
  constructor(
    private readonly limits: SessionLimits,
    private readonly agentOfSession: (key: string) => string | undefined = () => undefined,
  ) {}

  /** A new session; undefined when the agent already holds as many secondary sessions as allowed. */
  open(agentId: string, connection: SessionLink, kind: SessionKind = 'primary'): Session | undefined {
    const group = this.agents.get(agentId) ?? new AgentSessions(agentId);
    if (kind === 'secondary' && group.secondaries.size >= this.limits.secondaryPerAgent) return undefined;
    const old = kind === 'primary' ? group.primary : undefined;
    if (old) {
      this.takeOver(old, 'You signed in from another console.');
      this.end(old);
    }
    const session = new Session(agentId, this.limits, kind);
    if (kind === 'primary') group.primary = session;
    else group.secondaries.add(session);
    this.agents.set(agentId, group);
    this.tokens.set(session.token, session);
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

  /** The agent's primary session (their console), if any. */
  byAgent(agentId: string): Session | undefined {
    return this.agents.get(agentId)?.primary;
  }

  /** Every session of the agent, for the fan-out. */
  ofAgent(agentId: string): AgentSessions | undefined {
    return this.agents.get(agentId);
  }

  end(session: Session): void {
    this.tokens.delete(session.token);
    const group = this.agents.get(session.agentId);
    if (group?.primary === session) group.primary = undefined;
    group?.secondaries.delete(session);
    if (group?.empty) this.agents.delete(session.agentId);
    this.connections.delete(session);
    session.socket = undefined;
  }

  /** Every agent with a session. */
  groups(): IterableIterator<AgentSessions> {
    return this.agents.values();
  }

  /** Every session, primary and secondary. */
  *all(): IterableIterator<Session> {
    for (const group of this.agents.values()) yield* group.sessions();
  }

  connectionOf(session: Session): SessionLink | undefined {
    return this.connections.get(session);
  }

  /** Agents with a console connected or within its grace (secondary sessions not counted). */
  get size(): number {
    let n = 0;
    for (const group of this.agents.values()) if (group.primary) n++;
    return n;
  }

  /** A session of before a restart, if its token is still the agent's current one. */
  private restore(token: string): Session | undefined {
    const agentId = this.agentOfSession(tokenKey(token));
    // A live console of that agent means a login since the restart: its token replaced this one.
    const group = agentId ? (this.agents.get(agentId) ?? new AgentSessions(agentId)) : undefined;
    if (!agentId || !group || group.primary) return undefined;
    const session = new Session(agentId, this.limits, 'primary', token);
    group.primary = session;
    this.tokens.set(token, session);
    this.agents.set(agentId, group);
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
