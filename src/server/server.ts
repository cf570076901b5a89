/**
 * The WebSocket (+ small HTTP) gateway around one engine. Binds to loopback
 * unless told otherwise. Sessions, fan-out, heartbeats and backpressure live
 * here; rules live in the engine.
 */
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Engine } from '../engine/index.js';
import { CLOSE, LIMITS, PROTOCOL_VERSION } from '../protocol/index.js';
import { apiKeysOf, apiRoutes, type ApiOptions } from './api.js';
import { refuseUpgrade, type SwitchLink } from './ingress/switch-link.js';
import { INGRESS_BASE } from '../protocol/ingress.js';
import { LoginThrottle } from './auth.js';
import { Connection } from './connection.js';
import type { ServerContext, ServerTuning } from './context.js';
import { Fanout } from './fanout.js';
import { router, sendJson, type Route } from './http.js';
import type { ServerChannel, UpgradeHandler } from './channel.js';
import { silentLogger, type Logger } from './logger.js';
import { verifyPassword } from './passwords.js';
import { DEFAULT_SESSION_LIMITS, type Session, type SessionLimits } from './session.js';
import { Sessions } from './sessions.js';
import { healthBody, logHealth, reconcilePresence } from './store-health.js';
import { snapshotOf } from './views.js';
import { TypingRelay } from './typing.js';

export interface ServerOptions extends Partial<ServerTuning> {
  engine: Engine;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  tls?: { cert: string | Buffer; key: string | Buffer };
  log?: Logger;
  sessionLimits?: Partial<SessionLimits>;
  /** Customer channels (web chat...) attached to the same port. */
  channels?: ServerChannel[];
  /** The base URL customers reach (links to FAQ pages); defaults to the listening address. */
  publicUrl?: string;
  /** The HTTP API's keys and rate (docs/ingress.md). */
  api?: ApiOptions;
  /** A switch in another process drives the calls (its WebSocket is `/api/v1/switch`); without: the server's own adapter does. */
  switchLink?: SwitchLink;
}

export interface RunningServer {
  url: string;
  httpUrl: string;
  typing: TypingRelay;
  port: number;
  /** Stops accepting, closes every socket with "going away", keeps the engine open. */
  close(): Promise<void>;
  /** For tests and benchmarks. */
  sessions: Sessions;
  fanout: Fanout;
}

export const SERVER_NAME = `agent-console-server/${PROTOCOL_VERSION}`;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const tuning: ServerTuning = {
    heartbeatMs: options.heartbeatMs ?? LIMITS.heartbeatMs,
    helloTimeoutMs: options.helloTimeoutMs ?? LIMITS.helloTimeoutMs,
    statsCoalesceMs: options.statsCoalesceMs ?? 100,
  };
  const { engine } = options;
  const log = options.log ?? silentLogger;
  const sessions = new Sessions({ ...DEFAULT_SESSION_LIMITS, ...options.sessionLimits }, (key) => engine.queries.agentOfSession(key));
  const fanout = new Fanout(engine, sessions, tuning.statsCoalesceMs);
  const unwatchHealth = engine.onHealth((health, before) => {
    logHealth(log, health, before, engine.now());
    if (health.state === 'ok') reconcilePresence(engine, sessions.all(), log);
  });
  const started = Date.now();

  const typing = new TypingRelay(engine, sessions);
  let publicUrl = options.publicUrl ?? '';
  let faqBaseUrl: string | undefined;
  const sendSnapshot = (session: Session) => {
    const data = snapshotOf(engine, session.agentId, faqBaseUrl);
    // The agent's other sessions are at this state already: the fan-out goes on from it for all of them.
    const agent = sessions.ofAgent(session.agentId)!;
    agent.sentOffer = data.offer?.id ?? null;
    agent.sentWork.clear();
    for (const w of data.work) agent.sentWork.add(w.id);
    session.push('snapshot', data);
  };

  const ctx: ServerContext = {
    engine,
    log,
    epoch: randomBytes(8).toString('hex'),
    serverName: SERVER_NAME,
    options: tuning,
    throttle: new LoginThrottle(),
    sessions,
    verify: async (agentId, password) => {
      const agent = engine.tenant.agents.get(agentId);
      // Verify against a dummy hash for unknown agents so timing does not reveal who exists.
      return (await verifyPassword(password, agent?.passwordHash ?? DUMMY_HASH)) && !!agent;
    },
    sendSnapshot,
    typing,
  };

  const keys = apiKeysOf(engine, options.api);
  const channels = (options.channels ?? []).map((attach) => attach({ engine, typing, log, publicUrl: () => publicUrl }));
  const handle = router(
    Object.assign(
      {
        '/healthz': ((_req, res) => {
          const { status, body } = healthBody(engine, { server: SERVER_NAME, uptimeMs: Date.now() - started, sessions: sessions.size, lastSeq: engine.lastSeq });
          sendJson(res, status, body);
        }) as Route,
      },
      apiRoutes(engine, log, keys, options.api?.rate),
      ...channels.map((c) => c.routes ?? {}),
    ),
  );
  const upgrades: Record<string, UpgradeHandler> = Object.assign(
    {
      [`${INGRESS_BASE}/switch`]: options.switchLink
        ? options.switchLink.upgrade(keys)
        : ((_req, socket) => refuseUpgrade(socket, 409, 'INVALID_STATE', 'This server drives calls with its own adapter: run serve with --telephony remote to connect a switch.')) as UpgradeHandler,
    },
    ...channels.map((c) => c.upgrades ?? {}),
  );
  const http: HttpServer = options.tls ? createHttpsServer(options.tls, handle) : createHttpServer(handle);
  // ws enforces a hard cap; frames between LIMITS.maxFrameBytes and this get a typed TOO_LARGE error instead.
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxFrameBytes * 4 });
  http.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const channel = Object.hasOwn(upgrades, path) ? upgrades[path] : undefined;
    if (channel) return channel(req, socket, head);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const connections = new Set<Connection>();
  wss.on('connection', (ws, req) => {
    const connection = new Connection(ws, req, ctx);
    connections.add(connection);
    ws.on('close', () => connections.delete(connection));
  });

  // Heartbeat: ping every interval; a peer silent for two intervals is dead.
  const heartbeat = setInterval(() => {
    const deadline = Date.now() - tuning.heartbeatMs * LIMITS.missedHeartbeats;
    for (const c of connections) {
      if (c.lastSeen < deadline) c.drop('no heartbeat');
      else c.send('ping', {});
    }
  }, tuning.heartbeatMs);
  // Congested sockets get one fresh snapshot once they have drained.
  const drain = setInterval(() => {
    for (const s of sessions.all())
      if (s.congested && s.socket && s.socket.bufferedAmount < 64 * 1024) {
        s.congested = false;
        sendSnapshot(s);
      }
  }, 250);
  heartbeat.unref();
  drain.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 7300, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const scheme = options.tls ? 'wss' : 'ws';
  log('info', 'listening', { url: `${scheme}://${host}:${address.port}` });
  publicUrl ||= `${options.tls ? 'https' : 'http'}://${host}:${address.port}`;
  faqBaseUrl = `${publicUrl}/faq`;

  return {
    url: `${scheme}://${host}:${address.port}`,
    httpUrl: `${options.tls ? 'https' : 'http'}://${host}:${address.port}`,
    typing,
    port: address.port,
    sessions,
    fanout,
    close: async () => {
      clearInterval(heartbeat);
      clearInterval(drain);
      unwatchHealth();
      fanout.close();
      for (const c of channels) await c.close?.();
      for (const c of connections) c.close(CLOSE.goingAway, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections?.();
    },
  };
}

/** A valid scrypt hash of a random password, used to keep unknown-agent logins as slow as real ones. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
