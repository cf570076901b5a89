/** Notice commands: an agent broadcasts to groups and reads; the operator's tooling announces a platform change. */
import type { NoticePriority } from './state.js';

export type NoticeAgentCommand =
  /** `groups` omitted: every group the agent may address (their own; a supervisor's, all of theirs). */
  | { type: 'broadcast_notice'; agentId: string; text: string; priority: NoticePriority; groups?: string[] }
  /** Marks notices read; for a pop-up, the acknowledgement that unblocks the console. */
  | { type: 'read_notices'; agentId: string; noticeIds: string[] };

/** From the operator's tooling: a platform change, to everyone, with a red alert bar (high unless told; a pop-up blocks until read). */
export type NoticeChannelCommand = { type: 'platform_notice'; text: string; priority?: NoticePriority };

export type NoticeCommand = NoticeAgentCommand | NoticeChannelCommand;

declare module '../kernel/types.js' {
  interface AgentCommands {
    notices: NoticeAgentCommand;
  }
  interface ChannelCommands {
    notices: NoticeChannelCommand;
  }
}
