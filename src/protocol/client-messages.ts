/**
 * Client → server frames: `{v, type, id, data}`. `id` is a client-made
 * UUIDv7 (any string of 1–64 safe characters is accepted) used for the ack
 * and for de-duplication of resends. Every frame is validated here before
 * the server looks at it.
 */
import { z } from 'zod';
import { MAX_CHAT_MESSAGE, MAX_NOTES, MAX_NOTICE_TEXT, NOTICE_PRIORITIES, STATUSES } from '../engine/vocabulary.js';
import { PROTOCOL_MAJOR } from './version.js';
import { PHONE_MESSAGES } from './phone-messages.js';
import { CRM_MESSAGES } from './crm-messages.js';

const interactionId = z.string().min(1).max(64);
const statusCode = z.string().min(1).max(64).optional();
const chatText = z
  .string()
  .max(MAX_CHAT_MESSAGE, `a chat message is at most ${MAX_CHAT_MESSAGE} characters`)
  .refine((t) => t.trim() !== '', 'the message is empty');

/**
 * primary: the agent's console (one per agent; a second login takes it over; its connection
 * coming and going is the agent's). secondary: a script or one-shot command beside it (docs/protocol.md).
 */
export const SESSION_KINDS = ['primary', 'secondary'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Data schema per message type. Adding a command = adding a line here and in the server's table. */
export const CLIENT_MESSAGES = {
  hello: z.object({ protocol: z.string().regex(/^\d+\.\d+$/), client: z.string().max(100).optional() }),
  login: z.object({ agent: z.string().min(1).max(64), password: z.string().min(1).max(256), kind: z.enum(SESSION_KINDS).optional() }),
  resume: z.object({
    token: z.string().min(1).max(128),
    /** The last event sequence number the client applied. */
    lastSeq: z.number().int().min(0),
    /** The server epoch the client's state came from. */
    epoch: z.string().max(64).optional(),
  }),
  ping: z.object({}).optional(),
  pong: z.object({}).optional(),
  logout: z.object({}).optional(),
  set_status: z.object({ status: z.enum(STATUSES), code: statusCode }),
  set_after_work: z.object({ status: z.enum(STATUSES).nullable(), code: statusCode }),
  toggle_queue: z.object({ queueId: z.string().min(1).max(64), enabled: z.boolean() }),
  accept: z.object({ interactionId }),
  reject: z.object({ interactionId }),
  stop_new: z.object({}).optional(),
  resume_offers: z.object({}).optional(),
  end_interaction: z.object({ interactionId }),
  set_codes: z.object({ interactionId, codes: z.array(z.string().min(1).max(64)).max(50) }),
  set_notes: z.object({ interactionId, notes: z.string().max(MAX_NOTES) }),
  wrap_up: z.object({ interactionId }),
  send_chat: z.object({ interactionId, text: chatText }),
  transfer_chat: z.object({ interactionId, queueId: z.string().min(1).max(64), force: z.boolean().optional() }),
  send_agent_chat: z.object({ to: z.string().min(1).max(64), text: chatText }),
  save_faq: z.object({
    entry: z.object({
      id: z.string().min(1).max(64),
      title: z.string().max(200),
      body: z.string().max(20_000),
      shortcut: z.string().max(21).optional(),
      category: z.string().max(80),
      link: z.string().max(2000).optional(),
    }),
  }),
  delete_faq: z.object({ faqId: z.string().min(1).max(64) }),
  /** `groups` omitted: every group I may address (my own; a supervisor's, all of theirs). */
  broadcast_notice: z.object({
    text: z.string().max(MAX_NOTICE_TEXT, `a notice is at most ${MAX_NOTICE_TEXT} characters`).refine((t) => t.trim() !== '', 'the notice is empty'),
    priority: z.enum(NOTICE_PRIORITIES),
    groups: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
  }),
  read_notices: z.object({ noticeIds: z.array(z.string().min(1).max(64)).min(1).max(500) }),
  /** Phone and voicemail controls, outbound calls, connection mode, workplace phone (phone-messages.ts). */
  ...PHONE_MESSAGES,
  /** CRM records, screen-pop links, import; CRM search and the directory (crm-messages.ts). */
  ...CRM_MESSAGES,
  /** Queries: answered in the ack's result, change nothing. */
  list_queues: z.object({}).optional(),
  get_transcript: z.object({ interactionId }),
  call_history: z.object({}).optional(),
  /** Ephemeral: "I am typing" in a customer chat or to a colleague; relayed, never stored. */
  typing: z.union([z.object({ interactionId, typing: z.boolean() }), z.object({ to: z.string().min(1).max(64), typing: z.boolean() })]),
} as const;

export type ClientMessageType = keyof typeof CLIENT_MESSAGES;
export type ClientData<T extends ClientMessageType> = z.infer<(typeof CLIENT_MESSAGES)[T]>;

export interface ClientEnvelope<T extends ClientMessageType = ClientMessageType> {
  v: number;
  type: T;
  id: string;
  data: ClientData<T>;
}

export const EnvelopeSchema = z.object({
  v: z.literal(PROTOCOL_MAJOR, { error: `protocol major version must be ${PROTOCOL_MAJOR}` }),
  type: z.string().min(1).max(64),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id must be 1–64 letters, digits, dash or underscore'),
  data: z.unknown().optional(),
});

export function isClientMessageType(type: string): type is ClientMessageType {
  return Object.hasOwn(CLIENT_MESSAGES, type);
}
