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
import { SystemClock, type Clock } from './kernel/clock.js';
import { Engine, type GroupCommitOptions } from './engine.js';
import { SqliteEventStore, type Durability } from './store/sqlite-store.js';
import type { Tenant } from './tenant/tenant.js';

export { Engine, type EngineOptions, type EventListener, type GroupCommitOptions } from './engine.js';
export { StoreUnavailableError, describeStoreError, type StoreHealth, type HealthListener } from './store-recovery.js';
export type { Queries } from './modules.js';
export { SystemClock, VirtualClock, type Clock, type TimerHandle } from './kernel/clock.js';
export type { ErrorCode, EngineError, Result } from './kernel/result.js';
// What clients share of the engine: statuses, media, the status table's questions, labels, limits.
export * from './vocabulary.js';
export type { QueueStats } from './kernel/module.js';
export type {
  AgentCommand,
  ChannelCommand,
  Command,
  CommandOutcome,
  SessionCommand,
  EngineEvent,
  EngineEventBody,
  EngineEventType,
} from './kernel/types.js';
// Agents and statuses
export { STATUS_TRANSITIONS, type AfterWorkBy, type StatusCause } from './agents/transitions.js';
export { hasPermission, permissionsOf, PERMISSION_LABELS, type Permission } from './agents/permissions.js';
export type { AgentSelfView, AfterWorkView, ContactView, OfferRefView, StatusChangeView } from './agents/views.js';
// Work
export type { EndReason } from './work/events.js';
export type { CustomerInfo, InteractionPhase } from './work/state.js';
export type { InteractionView } from './work/views.js';
// Routing
export type { QueueView } from './routing/views.js';
export { queuePositions } from './routing/queue-position.js';
// Chat
export type { ChatMessage, FaqEntry } from './chat/state.js';
export type { AgentChatView, ResumableChat } from './chat/views.js';
export type { EndedChat } from './chat/state.js';
// Phone
export type { PhoneAgentCommand, PhoneChannelCommand, PhoneTarget } from './phone/commands.js';
export type { ConnectionMode, RecordingState, Workplace, Notice as PhoneNotice } from './phone/state.js';
export type { CallHistoryEntry, CallParticipantView, CallView, PhoneSelfView } from './phone/views.js';
export { normalizeSipUri } from './phone/numbers.js';
export type { TelephonyAdapter, TelephonyRequest, TelephonyReport, LiveLeg } from './phone/telephony/adapter.js';
export { attachTelephony, liveLegs, toCommand as commandOfReport, type TelephonyBridge } from './phone/telephony/bridge.js';
export { SimulatedSwitch, type Behaviour, type SimulatedSwitchOptions } from './phone/telephony/simulated-switch.js';
// Notices
export type { NoticeView } from './notices/views.js';
export { noticeTargets } from './notices/handlers.js';
// CRM and directory
export type {
  CaseRecord,
  CaseStatus,
  CaseSummary,
  CaseView,
  CrmSearchResult,
  CustomerFields,
  CustomerRecord,
  CustomerSummary,
  CustomerView,
  FollowUpChannel,
  FollowUpDirection,
  FollowUpRecord,
  HistoryEntry,
  InteractionLogDetail,
  TaskRecord,
} from './crm/records.js';
export { CASE_STATUSES, FOLLOW_UP_CHANNELS, FOLLOW_UP_DIRECTIONS, displayNameOf } from './crm/records.js';
export type { CrmPop } from './crm/pop.js';
export type { PopMode } from './crm/events.js';
export type { CustomerInput } from './crm/fields.js';
export { LIMITS as CRM_LIMITS, CUSTOMER_TEXT_FIELDS, caseNumberKey } from './crm/fields.js';
export { MAX_IMPORT_ROWS, type ImportRejection } from './crm/commands.js';
export type { DirectoryEntry, DirectoryResult } from './agents/directory.js';
// Tenant and store
export type { TenantConfig, AgentConfig, QueueConfig, CodeList } from './tenant/schema.js';
export { SCREEN_POP_MODES, type ScreenPopMode, API_SCOPES, ApiKeySchema, type ApiScope, type ApiKeyConfig } from './tenant/schema.js';
export { Tenant } from './tenant/tenant.js';
export { loadTenantFile, parseTenant, TenantError } from './tenant/load.js';
export { SqliteEventStore, DURABILITIES, type Durability } from './store/sqlite-store.js';
export type { EventStore } from './store/store.js';

/**
 * Opens an engine on a SQLite file (`:memory:` for tests), restoring what it holds.
 * `groupCommit`: `executeDurable` commands are committed together once per turn of the event loop.
 * `durability`: what an acknowledged command survives (sqlite-store.ts). After a store failure the
 * engine re-opens the file every `storeRetryMs` until it can write again (store-recovery.ts).
 */
export function openEngine(options: {
  tenant: Tenant;
  dbFile: string;
  clock?: Clock;
  snapshotEvery?: number;
  groupCommit?: boolean | GroupCommitOptions;
  durability?: Durability;
  storeRetryMs?: number;
}): Engine {
  const open = () => new SqliteEventStore(options.dbFile, { durability: options.durability });
  return new Engine({
    tenant: options.tenant,
    store: open(),
    // A database in memory cannot be opened again: it would be a new, empty one.
    reopenStore: options.dbFile === ':memory:' ? undefined : open,
    storeRetryMs: options.storeRetryMs,
    clock: options.clock ?? new SystemClock(),
    snapshotEvery: options.snapshotEvery,
    groupCommit: options.groupCommit,
  });
}
