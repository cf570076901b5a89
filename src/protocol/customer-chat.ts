/**
 * The customer web chat protocol (docs/webchat.md): flat JSON text frames
 * `{type, ...}` on the `/customer` WebSocket. Separate from the agent
 * protocol on purpose: customers are anonymous and untrusted, so the
 * surface is a handful of frames, each validated here before the channel
 * looks at it. Shared by the server channel and the Node customer client.
 */
import { z } from 'zod';
import type { Block } from './rich-text.js';

/** Hard cap on one frame (ws closes with 1009 above it): a 5,000-character line fits with room to spare. */
export const CUSTOMER_MAX_FRAME = 64 * 1024;
/** Bad frames tolerated per minute before the socket is closed (4003). */
export const CUSTOMER_MAX_BAD_FRAMES = 10;

const clientId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, '1–64 letters, digits or _ . : -');
const optionalField = z.string().trim().max(64).optional().transform((s) => s || undefined);

export const CUSTOMER_FRAMES = {
  start: z.object({
    name: z.string().trim().min(1, 'a name is required').max(80, 'a name is at most 80 characters'),
    account: optionalField,
    caseNumber: optionalField,
    /** For the screen pop too (a known customer's record pops). */
    email: z.string().trim().max(254).optional().transform((s) => s || undefined),
    queue: z.string().min(1).max(64).optional(),
  }),
  resume: z.object({
    token: z.string().min(16).max(128),
    /** The last message id the customer has; missed lines after it are replayed. */
    lastMessageId: z.string().max(64).optional(),
  }),
  /** Length and emptiness are checked after the schema, to give TOO_LONG and EMPTY their own codes. */
  message: z.object({ text: z.string().max(CUSTOMER_MAX_FRAME), clientId }),
  typing: z.object({ typing: z.boolean() }),
  leave: z.object({}),
  ping: z.object({}),
} as const;

export type CustomerFrameType = keyof typeof CUSTOMER_FRAMES;
export type CustomerFrame<T extends CustomerFrameType = CustomerFrameType> = { type: T } & z.infer<(typeof CUSTOMER_FRAMES)[T]>;

export function isCustomerFrameType(t: unknown): t is CustomerFrameType {
  return typeof t === 'string' && Object.hasOwn(CUSTOMER_FRAMES, t);
}

export type CustomerErrorCode =
  | 'NOT_JSON'
  | 'BINARY'
  | 'BAD_FRAME'
  | 'UNKNOWN_TYPE'
  | 'NOT_STARTED'
  | 'ALREADY_STARTED'
  | 'NO_QUEUE'
  | 'UNKNOWN_TOKEN'
  | 'EMPTY'
  | 'TOO_LONG'
  | 'CHAT_ENDED'
  | 'RATE_LIMITED'
  | 'STORE_UNAVAILABLE'
  | 'SERVER_ERROR';

/** A chat line as the customer sees it. */
export interface CustomerMessage {
  id: string;
  from: 'customer' | 'agent' | 'system';
  text: string;
  ts: number;
  /** Agent lines: who wrote it (display name only; agent ids stay internal). */
  agentName?: string;
  /** Agent lines: the safe rich-text rendering of `text` (rich-text.ts). */
  blocks?: Block[];
  /** The customer's own lines: the id their client gave it (delivery confirmation, de-duplication). */
  clientId?: string;
}

export type EndReason = 'left' | 'agent_ended' | 'abandoned' | 'disconnected';

export type CustomerServerFrame =
  | { type: 'joined'; conversationId: string; token: string; queue: { id: string; name: string }; heartbeatMs: number }
  | {
      type: 'resumed';
      conversationId: string;
      state: 'waiting' | 'active' | 'ended';
      queue: { id: string; name: string };
      agentName?: string;
      heartbeatMs: number;
    }
  | { type: 'position'; position: number }
  | { type: 'agent_joined'; displayName: string; transferred: boolean }
  | { type: 'transferred'; queue: { id: string; name: string } }
  | { type: 'message'; message: CustomerMessage }
  | { type: 'ack'; clientId: string; messageId: string }
  | { type: 'typing'; typing: boolean }
  | { type: 'ended'; reason: EndReason }
  | { type: 'error'; code: CustomerErrorCode; message: string; clientId?: string; field?: string; retryAfterMs?: number }
  | { type: 'pong' };

/** Numeric order of engine message ids ("M-42"): replay is "everything after the customer's last id". */
export function messageOrdinal(id: string | undefined): number {
  const n = id ? Number(id.slice(id.lastIndexOf('-') + 1)) : NaN;
  return Number.isFinite(n) ? n : -1;
}
