/**
 * The tenant file: everything a tenant admin configures, as one validated
 * JSON document (no GUI needed). zod gives us error paths such as
 * `queues[2].acceptTimeoutSec` so a bad file names its bad field.
 */
import { z } from 'zod';
import { normalizeNumber, normalizeSipUri } from '../phone/numbers.js';
import { DATE_FORMATS } from '../agents/date-formats.js';
import { STATUSES } from '../agents/statuses.js';
import { MEDIA } from '../work/media.js';

export { STATUSES, type Status } from '../agents/statuses.js';
export { MEDIA, type Media } from '../work/media.js';

/**
 * How a queue's interactions pop their CRM record and log (the guide's three
 * modes): `view` shows the record and the saved log read-only, `edit` opens
 * the record form for the agent to complete, `none` pops nothing (the log is
 * saved all the same); `auto`: view for a known customer, edit for a new one.
 */
export const SCREEN_POP_MODES = ['auto', 'view', 'edit', 'none'] as const;
export type ScreenPopMode = (typeof SCREEN_POP_MODES)[number];

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, dot, dash or underscore');
const label = z.string().min(1).max(120);

export const CodeSchema = z.object({ id, label });

export const CodeListSchema = z.object({
  id,
  name: label,
  /** Mandatory lists (shown with `*`) block the automatic end of wrap-up. */
  mandatory: z.boolean().default(false),
  codes: z.array(CodeSchema).min(1),
});

export const PermissionsSchema = z.object({
  rejectOffers: z.boolean().default(false),
  recording: z.enum(['none', 'start', 'start_pause']).default('none'),
  changeWorkplacePhone: z.boolean().default(false),
  changeConnectionMode: z.boolean().default(false),
  editDisplayName: z.boolean().default(false),
  pullEmails: z.boolean().default(false),
  deleteEmails: z.boolean().default(false),
  editFaq: z.boolean().default(false),
  transferToUnstaffedQueues: z.boolean().default(false),
  /** CRM: create and edit customers, cases, follow-ups and tasks (without it: search and read only). */
  crmEdit: z.boolean().default(true),
  /** CRM: merge duplicate customers. */
  crmMerge: z.boolean().default(false),
  /** CRM: import and export customers (admin tooling). */
  crmImport: z.boolean().default(false),
  /** Per-agent cap on concurrent customer chats; the tenant limit still applies. */
  maxConcurrentChats: z.number().int().min(0).max(6).default(3),
});
export type Permissions = z.infer<typeof PermissionsSchema>;

/** One of "my recordings": a prompt the agent recorded, played into calls (at most 10). */
export const AgentRecordingSchema = z.object({ id, name: label });

/** The agent's phone profile as the tenant admin sets it; the agent may change it later (by permission). */
export const AgentPhoneSchema = z
  .object({
    workplacePhone: z.string().max(40).optional(),
    sipUri: z.string().max(300).optional(),
    /** Which of the two rings for calls: the workplace phone or the SIP URI. */
    use: z.enum(['phone', 'sip']).default('phone'),
    connectionMode: z.enum(['on_demand', 'persistent']).default('on_demand'),
    recordings: z.array(AgentRecordingSchema).max(10, 'at most 10 recordings per agent').default([]),
  })
  .superRefine((p, ctx) => {
    const phone = p.workplacePhone === undefined ? undefined : normalizeNumber(p.workplacePhone);
    if (phone && !phone.ok) ctx.addIssue({ code: 'custom', path: ['workplacePhone'], message: phone.error.message });
    const sip = p.sipUri === undefined ? undefined : normalizeSipUri(p.sipUri);
    if (sip && !sip.ok) ctx.addIssue({ code: 'custom', path: ['sipUri'], message: sip.error.message });
    if (p.use === 'sip' && !p.sipUri) ctx.addIssue({ code: 'custom', path: ['use'], message: 'use "sip" needs a sipUri' });
  });
export type AgentPhoneConfig = z.infer<typeof AgentPhoneSchema>;

export const AgentSchema = z.object({
  id,
  firstName: label,
  lastName: label,
  displayName: label,
  group: id,
  role: z.enum(['agent', 'supervisor']).default('agent'),
  /** Groups a supervisor supervises (their own group is implied). */
  supervises: z.array(id).default([]),
  /** `scrypt$N$r$p$salt$hash` as made by `agent-console hash-password`. */
  passwordHash: z.string().min(1),
  directAccessNumber: z.string().max(32).optional(),
  email: z.string().max(254).optional(),
  /** This agent's date format (absent: the tenant's). */
  dateFormat: z.enum(DATE_FORMATS).optional(),
  permissions: PermissionsSchema.default(PermissionsSchema.parse({})),
  /** Workplace phone, connection mode and "my recordings" (absent: calls reach the console directly). */
  phone: AgentPhoneSchema.optional(),
});
export type AgentConfig = z.infer<typeof AgentSchema>;

export const QueueSchema = z.object({
  id,
  name: label,
  media: z.enum(MEDIA),
  /** Higher first: an Available agent is offered the best queue's head. */
  priority: z.number().int().min(0).max(100).default(50),
  acceptTimeoutSec: z.number().int().min(5).max(600).default(20),
  wrapUpSec: z.number().int().min(0).max(3600).default(60),
  agents: z.array(id).default([]),
  /** Supervisors of these queues see them with the "supervisor" relation. */
  supervisors: z.array(id).default([]),
  codeLists: z.array(CodeListSchema).default([]),
  whisper: z.string().max(500).optional(),
  screenPop: z.enum(SCREEN_POP_MODES).default('auto'),
});
export type QueueConfig = z.infer<typeof QueueSchema>;

export const DirectRoutingSchema = z.object({
  acceptTimeoutSec: z.number().int().min(5).max(600).default(20),
  /** DAR calls may get up to 60 minutes of wrap-up. */
  wrapUpSec: z.number().int().min(0).max(3600).default(120),
  codeLists: z.array(CodeListSchema).default([]),
  /** Absent: `auto`. */
  screenPop: z.enum(SCREEN_POP_MODES).optional(),
});

/** An FAQ answer. The body is a small HTML subset (see faq/html.ts); anything richer goes out as a link. */
export const FaqSchema = z.object({
  id,
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(20_000),
  /** Typed in the compose box to insert the answer, e.g. `\\q`. */
  shortcut: z
    .string()
    .regex(/^\\[A-Za-z0-9_-]{1,20}$/, 'a backslash then 1–20 letters, digits, dash or underscore')
    .optional(),
  category: z.string().min(1).max(80).default('General'),
  link: z.url({ protocol: /^https?$/ }).max(2000).optional(),
});
export type FaqConfig = z.infer<typeof FaqSchema>;

/** Telephony timings (seconds). */
export const PhoneSettingsSchema = z.object({
  /** A dialed leg (agent phone, customer, external party, colleague) that rings this long is given up. */
  ringTimeoutSec: z.number().int().min(5).max(120).default(30),
  /** How long a PIN delivered by phone (workplace validation, persistent connection) may be entered. */
  pinValiditySec: z.number().int().min(30).max(900).default(120),
  /** Wrong PINs allowed for one PIN call; the next cancels it (a new call brings a new PIN). */
  pinAttempts: z.number().int().min(1).max(10).default(3),
});

/**
 * What an operator's API key may do (docs/api.md, docs/ingress.md): `notices` sends platform
 * notices; `create-work` creates calls, voicemails and callbacks, reports call state and runs a switch.
 */
export const API_SCOPES = ['notices', 'create-work'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** A key for the server's HTTP API: only the SHA-256 of the key is kept (made by `agent-console apikey create`). */
export const ApiKeySchema = z.object({
  id,
  hash: z.string().regex(/^sha256\$[A-Za-z0-9_-]{43}$/, 'expected sha256$ and 43 base64url characters (agent-console apikey create)'),
  scopes: z.array(z.enum(API_SCOPES)).min(1),
  createdAt: z.iso.datetime().optional(),
  /** A revoked key is kept (its id is not reused by mistake) and refused from then on. */
  revokedAt: z.iso.datetime().optional(),
});
export type ApiKeyConfig = z.infer<typeof ApiKeySchema>;

/**
 * A number customers dial (the switch reports it with each call): the phone queue its calls
 * wait in, and where that number's voicemails and callback requests go.
 */
export const DialedNumberSchema = z
  .object({
    number: z.string().max(40),
    queueId: id,
    voicemailQueueId: id.optional(),
    callbackQueueId: id.optional(),
  })
  .superRefine((d, ctx) => {
    const n = normalizeNumber(d.number);
    if (!n.ok) ctx.addIssue({ code: 'custom', path: ['number'], message: n.error.message });
  });
export type DialedNumberConfig = z.infer<typeof DialedNumberSchema>;

export const TenantSchema = z.object({
  id,
  name: label,
  limits: z
    .object({ maxConcurrentChats: z.number().int().min(1).max(6).default(6) })
    .default({ maxConcurrentChats: 6 }),
  groups: z.array(z.object({ id, name: label })).min(1),
  agents: z.array(AgentSchema).min(1),
  queues: z.array(QueueSchema).default([]),
  /** Reasons per target status; when a list exists the agent must pick one. */
  statusCodes: z.partialRecord(z.enum(STATUSES), z.array(CodeSchema).min(1)).default({}),
  outboundCodes: z.array(CodeSchema).default([]),
  directRouting: DirectRoutingSchema.default(DirectRoutingSchema.parse({})),
  faq: z.array(FaqSchema).default([]),
  /** How dates are shown to agents, unless an agent's profile says otherwise. */
  dateFormat: z.enum(DATE_FORMATS).default('iso'),
  /** How long a disconnected agent keeps offers before they are re-routed. */
  disconnectGraceSec: z.number().int().min(0).max(600).default(90),
  phone: PhoneSettingsSchema.default(PhoneSettingsSchema.parse({})),
  /** Keys of the operator's tooling for the HTTP API (platform notices, work from a switch). */
  apiKeys: z.array(ApiKeySchema).default([]),
  /** The numbers customers dial, each to its queues (docs/ingress.md). */
  dialedNumbers: z.array(DialedNumberSchema).default([]),
});
export type TenantConfig = z.infer<typeof TenantSchema>;
export type CodeList = z.infer<typeof CodeListSchema>;
