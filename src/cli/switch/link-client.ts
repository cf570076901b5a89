/**
 * The switch's end of the switch link (`/api/v1/switch`, docs/ingress.md):
 * the engine's telephony requests arrive numbered and in order; each is
 * carried out by the adapter, then acknowledged. After a reconnect the
 * server resends what was not acknowledged (repeats are acknowledged and
 * skipped), and first says which legs the engine believes live, so legs
 * this switch does not know are adopted. Reconnects by itself, with
 * jittered backoff, until stopped.
 */
import WebSocket from 'ws';
import type { LiveLeg, TelephonyRequest } from '../../engine/index.js';
import { INGRESS_BASE, type SwitchLinkDown } from '../../protocol/ingress.js';

export interface LinkClientOptions {
  /** http(s)://host:port */
  httpUrl: string;
  key: string;
  execute(request: TelephonyRequest): void;
  /** On every (re)connect: the engine's live legs. */
  restore(legs: LiveLeg[], tenant: string): void;
  onDisconnect(reason: string, code: number): void;
  /** The server refused the connection for good (a bad key, a server with its own adapter). */
  onRefused(status: number, message: string): void;
}

export class LinkClient {
  private ws: WebSocket | undefined;
  private lastDone = 0;
  private epoch = '';
  private stopped = false;
  private attempts = 0;

  constructor(private readonly o: LinkClientOptions) {}

  connect(): void {
    if (this.stopped) return;
    const ws = new WebSocket(`${this.o.httpUrl.replace(/^http/, 'ws')}${INGRESS_BASE}/switch`, { headers: { authorization: `Bearer ${this.o.key}` } });
    this.ws = ws;
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => {
        const message = (JSON.parse(body || '{}') as { error?: { message?: string } }).error?.message ?? `HTTP ${res.statusCode}`;
        this.stopped = true;
        this.o.onRefused(res.statusCode ?? 0, message);
      });
    });
    ws.on('open', () => (this.attempts = 0));
    ws.on('message', (data) => this.onFrame(JSON.parse((data as Buffer).toString('utf8')) as SwitchLinkDown));
    ws.on('error', () => {}); // followed by close
    ws.on('close', (code, reason) => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      if (this.stopped) return;
      this.o.onDisconnect(reason.toString() || 'connection lost', code);
      const delay = Math.min(2000, 100 * 2 ** this.attempts++) * (0.5 + Math.random() / 2);
      setTimeout(() => this.connect(), delay);
    });
  }

  stop(): void {
    this.stopped = true;
    this.ws?.close(1000, 'switch stopping');
  }

  private onFrame(frame: SwitchLinkDown): void {
    if (frame.type === 'hello') {
      // A restarted server numbers its requests from 1 again.
      if (frame.epoch !== this.epoch) [this.epoch, this.lastDone] = [frame.epoch, 0];
      return this.o.restore(frame.legs, frame.tenant);
    }
    if (frame.seq > this.lastDone) {
      this.o.execute(frame.request);
      this.lastDone = frame.seq;
    }
    this.ws?.send(JSON.stringify({ type: 'ack', seq: frame.seq }));
  }
}
