/**
 * The engine's store health, as the gateway shows it: a typed
 * STORE_UNAVAILABLE error for every command the engine refused, one log line
 * per change of health (never one per command), `/healthz`, and the agents'
 * presence put right once the store is back (connections that came or went
 * while nothing could be written).
 */
import { StoreUnavailableError, type Engine, type StoreHealth } from '../engine/index.js';
import type { WireError } from '../protocol/index.js';
import type { Logger } from './logger.js';
import type { Session } from './session.js';

/** The wire error for a command refused because the store cannot be written; undefined for any other failure. */
export function storeUnavailable(e: unknown): WireError | undefined {
  if (!(e instanceof StoreUnavailableError)) return undefined;
  return e.final
    ? { code: 'STORE_UNAVAILABLE', message: 'The server stopped after a storage failure and is restarting: this was not done. Try again shortly.', retryAfterMs: 5000 }
    : { code: 'STORE_UNAVAILABLE', message: 'The server cannot save anything right now (storage unavailable): this was not done. Try again shortly.', retryAfterMs: e.retryAfterMs };
}

/** One line per change of the store's health. */
export function logHealth(log: Logger, health: StoreHealth, before: StoreHealth, now = Date.now()): void {
  if (health.state === 'unavailable')
    log('error', 'store unavailable: commands are refused until it can be written again', { reason: health.reason });
  else if (health.state === 'failed')
    log('error', 'store failed: the engine cannot prove its state and stops', { reason: health.reason });
  else if (before.state === 'unavailable')
    log('info', 'store available again', { downMs: now - before.since, refused: before.refused, reason: before.reason });
}

/** `/healthz`: 200 while the store can be written, 503 with the reason while it cannot. */
export function healthBody(engine: Engine, extra: Record<string, unknown>): { status: number; body: Record<string, unknown> } {
  const h = engine.health;
  if (h.state === 'ok') return { status: 200, body: { ok: true, ...extra, store: 'ok' } };
  return {
    status: 503,
    body: { ok: false, ...extra, store: h.state, reason: h.reason, ...(h.state === 'unavailable' ? { since: new Date(h.since).toISOString() } : {}) },
  };
}

/**
 * After an outage the engine's idea of who is connected may be wrong: connections lost or
 * restored meanwhile could not be recorded. Tell it now what the gateway knows.
 */
export function reconcilePresence(engine: Engine, sessions: Iterable<Session>, log: Logger): void {
  const agents = engine.queries.unsafeState().agents;
  for (const session of sessions) {
    const a = agents.get(session.agentId);
    if (!a?.loggedIn) continue;
    const connected = !!session.socket;
    const engineThinks = a.disconnectedUntil === undefined;
    if (connected === engineThinks) continue;
    engine
      .executeDurable({ type: connected ? 'connection_restored' : 'connection_lost', agentId: session.agentId })
      .catch((e: unknown) => storeUnavailable(e) || log('error', 'presence after an outage', { agent: session.agentId, error: (e as Error)?.message ?? String(e) }));
  }
}
