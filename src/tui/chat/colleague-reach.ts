// Whether the agent can write to a colleague now, and why not: the engine's
// own rules and words (protocol vocabulary), so the console greys out what
// the engine would refuse — On Break turns colleague chat off, and a chat
// reaches colleagues who are logged in.
import { loggedOutChatReason, toolOffReason, type Tool } from '../../protocol/index.js';
import type { SafeView } from '../safe-view.js';

/** Why the agent's status turns this tool off now (undefined: it is on). */
export const toolOffNow = (view: SafeView, tool: Tool): string | undefined => (view.self ? toolOffReason(view.self.status, tool) : 'Not logged in yet.');

/** Why a chat to this colleague cannot be written now (undefined: it can). */
export function colleagueChatRefusal(view: SafeView, agentId: string): string | undefined {
  const off = toolOffNow(view, 'agent_chat');
  if (off) return off;
  if (agentId === view.agentId) return 'That is you.';
  const contact = view.contacts.find((c) => c.id === agentId);
  return contact?.status === 'logged_out' ? loggedOutChatReason(contact.displayName) : undefined;
}
