import type { BroadcastNotice } from './state.js';

export type NoticeEventBody =
  /** `agentId`: the sender (none for a platform notice). */
  | { type: 'notice.broadcast'; agentId?: string; notice: BroadcastNotice }
  /** The agent read (or, for a pop-up, acknowledged) these notices. */
  | { type: 'notice.read'; agentId: string; noticeIds: string[] };

declare module '../kernel/types.js' {
  interface EngineEvents {
    notices: NoticeEventBody;
  }
}
