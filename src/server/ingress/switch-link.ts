/**
 * A switch in another process (`agent-console switch`, or a real PBX's
 * adapter) as the engine's telephony adapter (docs/telephony.md): the
 * engine's requests go to it over a WebSocket (`/api/v1/switch`, an API key
 * with the create-work scope), numbered, in order, and are kept until the
 * switch acknowledges them, so a switch that reconnects misses none. On
 * every connect it is first told which legs the engine believes live, to
 * re-attach to them. Its reports come back through the HTTP API, like any
 * other work. One switch at a time: a new connection replaces the old one.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LiveLeg, TelephonyAdapter, TelephonyRequest } from '../../engine/index.js';
import { INGRESS_VERSION, SwitchLinkUp, type SwitchLinkDown } from '../../protocol/ingress.js';
import type { ApiKeys } from '../api-keys.js';
import type { Logger } from '../logger.js';

export interface SwitchLinkOptions {
  tenantId: string;
  /** What the engine believes live now (sent on every connect). */
  liveLegs: () => LiveLeg[];
  log?: Logger;
  /** Requests kept for a switch that is away; the oldest are dropped past this (the engine's ring deadlines cover them). */
  maxQueued?: number;
  heartbeatMs?: number;
}

/** Close codes of the switch link. */
export const SWITCH_CLOSE = { replaced: 4001, badFrame: 4002 } as const;

export class SwitchLink implements TelephonyAdapter {
  readonly name = 'remote-switch';
  private readonly unacked: { seq: number; request: TelephonyRequest }[] = [];
  private nextSeq = 1;
  private socket: WebSocket | undefined;
  private alive = false;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly heartbeat: NodeJS.Timeout;
  private readonly log: Logger;
  private readonly epoch = randomBytes(8).toString('hex');

  constructor(private readonly options: SwitchLinkOptions) {
    this.log = options.log ?? (() => {});
    this.heartbeat = setInterval(() => this.ping(), options.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
  }

  /** Whether a switch is connected now (for health and tests). */
  get connected(): boolean {
    return !!this.socket;
  }

  /** Requests the switch has not acknowledged yet. */
  get pending(): number {
    return this.unacked.length;
  }

  start(): void {}

  execute(request: TelephonyRequest): void {
    const item = { seq: this.nextSeq++, request };
    this.unacked.push(item);
    if (this.unacked.length > (this.options.maxQueued ?? 10_000)) {
      const dropped = this.unacked.shift()!;
      this.log('warn', 'switch link: no switch for a while, oldest request dropped', { seq: dropped.seq, op: dropped.request.op });
    }
    this.send({ type: 'request', ...item });
  }

  stop(): void {
    clearInterval(this.heartbeat);
    this.socket?.close(1001, 'server shutting down');
    this.socket = undefined;
    this.wss.close();
  }

  /** The WebSocket endpoint: `keys` decides who may connect. */
  upgrade(keys: ApiKeys): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
    return (req, socket, head) => {
      const key = keys.check(req, 'create-work');
      if (!key.ok) return refuseUpgrade(socket, key.status, key.code, key.message);
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, key.id));
    };
  }

  private accept(ws: WebSocket, keyId: string): void {
    this.socket?.close(SWITCH_CLOSE.replaced, 'replaced by a newer switch connection');
    this.socket = ws;
    this.alive = true;
    this.log('info', 'switch connected', { key: keyId, pending: this.unacked.length });
    ws.on('pong', () => (this.alive = true));
    ws.on('message', (data) => this.onFrame(ws, data as Buffer));
    ws.on('error', (e) => this.log('debug', 'switch socket error', { error: e.message }));
    ws.on('close', () => {
      if (this.socket !== ws) return;
      this.socket = undefined;
      this.log('warn', 'switch disconnected', { pending: this.unacked.length });
    });
    this.send({ type: 'hello', v: INGRESS_VERSION, tenant: this.options.tenantId, epoch: this.epoch, legs: this.options.liveLegs() });
    for (const item of this.unacked) this.send({ type: 'request', ...item });
  }

  private onFrame(ws: WebSocket, data: Buffer): void {
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString('utf8'));
    } catch {
      frame = undefined;
    }
    const ack = SwitchLinkUp.safeParse(frame);
    if (!ack.success) return ws.close(SWITCH_CLOSE.badFrame, 'expected {"type":"ack","seq":n}');
    while (this.unacked.length && this.unacked[0]!.seq <= ack.data.seq) this.unacked.shift();
  }

  private send(frame: SwitchLinkDown): void {
    const ws = this.socket;
    if (ws && ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  }

  private ping(): void {
    const ws = this.socket;
    if (!ws) return;
    if (!this.alive) return ws.terminate();
    this.alive = false;
    ws.ping();
  }
}

const REASONS: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 409: 'Conflict' };

/** An HTTP answer on a socket that asked to upgrade: a typed refusal, then closed. */
export function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ ok: false, error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
