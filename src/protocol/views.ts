/**
 * What an agent's console sees: the wire views. They are the engine's read
 * models (plain data), re-exported so clients need not reach into the engine.
 */
export type {
  AfterWorkBy,
  AfterWorkView,
  OfferRefView,
  StatusCause,
  StatusChangeView,
  AgentSelfView,
  ContactView,
  InteractionView,
  QueueStats,
  QueueView,
  CodeList,
  CustomerInfo,
  Media,
  Status,
  Permission,
  InteractionPhase,
  ChatMessage,
  FaqEntry,
  AgentChatView,
  CallView,
  CallParticipantView,
  CallHistoryEntry,
  NoticeView,
  NoticePriority,
  PhoneSelfView,
  PhoneNotice,
  ConnectionMode,
  RecordingState,
  Workplace,
  CaseRecord,
  CaseStatus,
  CaseSummary,
  CaseView,
  CrmPop,
  CrmSearchResult,
  CustomerInput,
  CustomerRecord,
  CustomerSummary,
  CustomerView,
  DirectoryEntry,
  DirectoryResult,
  FollowUpChannel,
  FollowUpRecord,
  HistoryEntry,
  ImportRejection,
  InteractionLogDetail,
  PopMode,
  TaskRecord,
} from '../engine/index.js';
import type {
  AgentChatView,
  AgentSelfView,
  CallHistoryEntry,
  CaseView,
  ChatMessage,
  CommandOutcome,
  ContactView,
  CrmSearchResult,
  CustomerRecord,
  CustomerView,
  DirectoryResult,
  FaqEntry,
  HistoryEntry,
  InteractionView,
  NoticeView,
  PopMode,
  QueueView,
  TaskRecord,
} from '../engine/index.js';

/** The whole view of one agent, as sent in a snapshot. */
export interface AgentViewData {
  self: AgentSelfView;
  offer: InteractionView | null;
  work: InteractionView[];
  queues: QueueView[];
  contacts: ContactView[];
  /** Status codes per status and outbound codes, as the tenant configures them. */
  statusCodes: Partial<Record<AgentSelfView['status'], { id: string; label: string }[]>>;
  agentChats: AgentChatView[];
  faq: FaqEntry[];
  /** Broadcast notices to me (or from me) of the last 7 days, newest first. */
  notices: NoticeView[];
  /** The groups I may send a notice to (id and name). */
  noticeGroups: { id: string; name: string }[];
  /** Where FAQ answers too rich for chat are published (`${faqBaseUrl}/<id>`). */
  faqBaseUrl?: string;
}

/** Any queue with its live stats, as listed for transfers. */
export type QueueListing = Omit<QueueView, 'relation' | 'enabled'>;

/** An automatic interaction log was saved (the console shows it: view mode read-only, edit mode as the form). */
export interface CrmLogged {
  interactionId: string;
  caseId: string;
  customerId?: string;
  mode: PopMode;
}

/** What an ack carries: a command's outcome, or a query's answer. */
export interface AckResult extends CommandOutcome {
  queues?: QueueListing[];
  transcript?: ChatMessage[];
  calls?: CallHistoryEntry[];
  search?: CrmSearchResult;
  customer?: CustomerView;
  case?: CaseView;
  tasks?: TaskRecord[];
  /** history: my past interactions, newest first. */
  history?: HistoryEntry[];
  /** crm_export: a page of customers. */
  customers?: CustomerRecord[];
  directory?: DirectoryResult;
}
