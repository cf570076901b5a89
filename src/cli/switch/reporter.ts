/**
 * What a switch in its own process reports, posted to the server's ingress
 * API (docs/ingress.md): one request at a time, in the order the switch saw
 * things happen, each with its own Idempotency-Key, retried on a network
 * error, a 5xx or a 429 (after Retry-After) until it is answered — so a
 * call is created once however often it is retried. A refusal (4xx) is
 * final: reported, and the next one goes.
 */
import { randomBytes } from 'node:crypto';
import type { TelephonyReport } from '../../engine/index.js';
import { INGRESS_BASE } from '../../protocol/ingress.js';

export interface Posted {
  report: TelephonyReport;
  status: number;
  body: { ok: boolean; interactionId?: string; legId?: string; error?: { code: string; message: string } };
}

export interface ReporterOptions {
  /** http(s)://host:port */
  httpUrl: string;
  key: string;
  /** Each answer (success or refusal). */
  onAnswer(posted: Posted): void;
  /** The key is refused (401/403): no report can go. */
  onKeyRefused(message: string): void;
  /** Where a leg of a call is (a `recording` report names the call). */
  legOfCall(callId: string): string | undefined;
  retryMaxMs?: number;
}

/** The API request a report becomes. */
export function requestOf(r: TelephonyReport, legOfCall: (callId: string) => string | undefined): { path: string; body: unknown } | undefined {
  switch (r.type) {
    case 'incoming': {
      const { type: _, directNumber, ...call } = r;
      return { path: '/calls', body: { ...call, ...(directNumber ? { to: directNumber } : {}) } };
    }
    case 'voicemail':
    case 'callback': {
      const { type, ...body } = r;
      return { path: `/${type}s`, body };
    }
    case 'recording': {
      const legId = legOfCall(r.callId);
      return legId ? { path: `/legs/${encodeURIComponent(legId)}/events`, body: { type: 'recording', state: r.state, reason: r.reason } } : undefined;
    }
    default: {
      const { legId, ...event } = r;
      return { path: `/legs/${encodeURIComponent(legId)}/events`, body: event };
    }
  }
}

export class Reporter {
  private readonly queue: TelephonyReport[] = [];
  private busy = false;
  private stopped = false;
  private n = 0;
  /** Idempotency keys are unique to this process's run and numbered. */
  private readonly run = randomBytes(6).toString('base64url');

  constructor(private readonly o: ReporterOptions) {}

  get pending(): number {
    return this.queue.length + (this.busy ? 1 : 0);
  }

  report(r: TelephonyReport): void {
    this.queue.push(r);
    void this.next();
  }

  stop(): void {
    this.stopped = true;
  }

  private async next(): Promise<void> {
    if (this.busy || this.stopped) return;
    const report = this.queue.shift();
    if (!report) return;
    this.busy = true;
    try {
      const request = requestOf(report, this.o.legOfCall);
      if (request) await this.post(report, request, `${this.run}-${++this.n}`);
    } finally {
      this.busy = false;
    }
    void this.next();
  }

  private async post(report: TelephonyReport, request: { path: string; body: unknown }, idempotencyKey: string): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      let res: Response | undefined;
      try {
        res = await fetch(`${this.o.httpUrl}${INGRESS_BASE}${request.path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.o.key}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body: JSON.stringify(request.body),
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        res = undefined; // unreachable, reset, timed out: try again
      }
      if (res && res.status < 500 && res.status !== 429) {
        const body = (await res.json().catch(() => ({ ok: false }))) as Posted['body'];
        if (res.status === 401 || res.status === 403) this.o.onKeyRefused(body.error?.message ?? `HTTP ${res.status}`);
        this.o.onAnswer({ report, status: res.status, body });
        return;
      }
      const retryAfter = Number(res?.headers.get('retry-after')) * 1000;
      const backoff = Math.min(this.o.retryMaxMs ?? 2000, 100 * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.max(backoff, retryAfter || 0)));
    }
  }
}
