/** Options, events, errors and the URL rule of CustomerChatClient (customer-chat.ts). */
import type WebSocket from 'ws';
import type { CustomerErrorCode, CustomerServerFrame } from '../protocol/customer-chat.js';
import type { BackoffOptions } from './backoff.js';

export interface CustomerChatOptions {
  /** The server: ws(s):// or http(s):// — the `/customer` endpoint is derived from it. */
  url: string;
  name: string;
  email?: string;
  account?: string;
  caseNumber?: string;
  queue?: string;
  backoff?: Partial<BackoffOptions>;
  wsOptions?: WebSocket.ClientOptions;
}

export type CustomerChatEvent = CustomerServerFrame | { type: 'connection'; state: 'online' | 'reconnecting' | 'closed'; reason?: string };

export class CustomerChatError extends Error {
  constructor(
    readonly code: CustomerErrorCode | 'CLOSED',
    message: string,
  ) {
    super(message);
  }
}

/** `ws://host:port/anything` or `http://host:port/...` → `ws://host:port/customer`. */
export function customerUrl(server: string): string {
  const u = new URL(server);
  if (u.protocol === 'http:') u.protocol = 'ws:';
  else if (u.protocol === 'https:') u.protocol = 'wss:';
  else if (u.protocol !== 'ws:' && u.protocol !== 'wss:') throw new Error(`"${server}" is not a ws://, wss://, http:// or https:// URL`);
  u.pathname = '/customer';
  u.search = '';
  u.hash = '';
  return u.toString();
}

