/**
 * Runs a telephony adapter (docs/telephony.md) in its own process against
 * a served tenant: the engine's requests come over the switch link
 * (link-client.ts) into `adapter.execute`, the adapter's reports go out
 * through the ingress API (reporter.ts), and after every (re)connect the
 * adapter is told which legs the engine believes live (`restore`). The
 * adapter is the same object an engine would attach in-process: the
 * simulated switch here, a PBX's adapter tomorrow.
 */
import type { LiveLeg, TelephonyAdapter, TelephonyRequest } from '../../engine/index.js';
import { LinkClient } from './link-client.js';
import { Reporter, type Posted } from './reporter.js';

export interface RemoteAdapterEvents {
  connected(tenant: string, legs: LiveLeg[]): void;
  disconnected(reason: string): void;
  /** The server refused the link or the key (status 401/403/409...): nothing more can be done. */
  refused(status: number, message: string): void;
  request(request: TelephonyRequest): void;
  answer(posted: Posted): void;
}

export interface RemoteAdapter {
  /** Reports not yet answered by the server. */
  readonly pending: number;
  stop(): void;
}

export function runRemoteAdapter(adapter: TelephonyAdapter, server: { httpUrl: string; key: string }, on: RemoteAdapterEvents): RemoteAdapter {
  // A `recording` report names a call; the API takes it on one of the call's legs, as the engine bridged them.
  const bridged = new Map<string, string[]>();
  const reporter = new Reporter({
    ...server,
    legOfCall: (callId) => bridged.get(callId)?.[0],
    onAnswer: (posted) => on.answer(posted),
    onKeyRefused: (message) => on.refused(401, message),
  });
  const link = new LinkClient({
    ...server,
    execute: (request) => {
      if (request.op === 'bridge') bridged.set(request.callId, request.legIds);
      if (request.op === 'release') bridged.delete(request.callId);
      on.request(request);
      try {
        void Promise.resolve(adapter.execute(request)).catch((e: unknown) => failed(request, e));
      } catch (e) {
        failed(request, e);
      }
    },
    restore: (legs, tenant) => {
      adapter.restore?.(legs);
      on.connected(tenant, legs);
    },
    onDisconnect: (reason) => on.disconnected(reason),
    onRefused: (status, message) => on.refused(status, message),
  });
  // What the engine's in-process bridge does with a failed request: the leg is reported as failed.
  const failed = (request: TelephonyRequest, e: unknown) => {
    const legId = 'legId' in request ? request.legId : undefined;
    if (legId) reporter.report({ type: 'failed', legId, reason: e instanceof Error ? e.message : String(e) });
  };
  adapter.start((report) => reporter.report(report));
  link.connect();
  return {
    get pending() {
      return reporter.pending;
    },
    stop() {
      link.stop();
      reporter.stop();
      adapter.stop();
    },
  };
}
