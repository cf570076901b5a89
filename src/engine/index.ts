/**
 * The headless contact-center engine: a library with no I/O but its store
 * and its clock.
 *
 * ```ts
 * const engine = openEngine({ tenant: loadTenantFile('tenant.json'), dbFile: 'cc.db' });
 * engine.subscribe((events) => console.log(events));
 * engine.execute({ type: 'login', agentId: 'ana' });
 * engine.execute({ type: 'set_status', agentId: 'ana', status: 'available' });
 * engine.execute({ type: 'arrive', queueId: 'support-chat', customer: { name: 'Lee' } });
 * ```
 *
 * Every command returns a {@link Result}: `{ok: true, value}` or `{ok: false,
 * error: {code, message}}` with a stable {@link ErrorCode}. Commands never
 * throw for a user mistake.
 */
import { SystemClock, type Clock } from './clock.js';
import { Engine, type GroupCommitOptions } from './engine.js';
import { SqliteEventStore } from './store/sqlite-store.js';
import type { Tenant } from './tenant/tenant.js';

export { Engine, type EngineOptions, type EventListener, type GroupCommitOptions } from './engine.js';
export { SystemClock, VirtualClock, type Clock, type TimerHandle } from './clock.js';
export type { AgentCommand, ChannelCommand, Command, CommandOutcome, SessionCommand } from './commands.js';
export type { EndReason, EngineEvent, EngineEventBody, EngineEventType } from './events.js';
export type { ErrorCode, EngineError, Result } from './result.js';
export type { ChatMessage, CustomerInfo, FaqEntry, InteractionPhase } from './state.js';
export type { AgentChatView, AgentSelfView, ContactView, InteractionView, QueueStats, QueueView } from './queries.js';
export type { CallHistoryEntry, CallParticipantView, CallView, NoticeView, PhoneSelfView } from './queries.js';
export { NOTICE_PRIORITIES, MAX_NOTICE_TEXT, type NoticePriority } from './notices/state.js';
export { noticeTargets } from './handlers/notices.js';
export type { PhoneAgentCommand, PhoneChannelCommand, PhoneTarget } from './commands.js';
export type { ConnectionMode, RecordingState, Workplace, Notice as PhoneNotice } from './phone/state.js';
export { normalizeNumber, normalizeSipUri, NUMBER_FORMATS_HINT } from './phone/numbers.js';
export type { TelephonyAdapter, TelephonyRequest, TelephonyReport, LiveLeg } from './telephony/adapter.js';
export { attachTelephony, type TelephonyBridge } from './telephony/bridge.js';
export { SimulatedSwitch, type Behaviour, type SimulatedSwitchOptions } from './telephony/simulated-switch.js';
export { MAX_CHAT_MESSAGE } from './handlers/chat.js';
export { MAX_NOTES } from './handlers/work.js';
export { STATUS_TRANSITIONS, canTransition, manualTargets, type StatusCause } from './status/transitions.js';
export { STATUS_LABELS, MEDIA_LABELS } from './status/labels.js';
export { hasPermission, permissionsOf, PERMISSION_LABELS, type Permission } from './permissions.js';
export { MEDIA, STATUSES, type Media, type Status, type TenantConfig, type AgentConfig, type QueueConfig, type CodeList } from './tenant/schema.js';
export { Tenant } from './tenant/tenant.js';
export { loadTenantFile, parseTenant, TenantError } from './tenant/load.js';
export { SqliteEventStore } from './store/sqlite-store.js';
export type { EventStore } from './store/store.js';

/**
 * Opens an engine on a SQLite file (`:memory:` for tests), restoring what it holds.
 * `groupCommit`: `executeDurable` commands are committed together once per turn of the event loop.
 */
export function openEngine(options: {
  tenant: Tenant;
  dbFile: string;
  clock?: Clock;
  snapshotEvery?: number;
  groupCommit?: boolean | GroupCommitOptions;
}): Engine {
  return new Engine({
    tenant: options.tenant,
    store: new SqliteEventStore(options.dbFile),
    clock: options.clock ?? new SystemClock(),
    snapshotEvery: options.snapshotEvery,
    groupCommit: options.groupCommit,
  });
}
