/**
 * The directory: every agent of the tenant (not only my groups), searched
 * across every column — name, display name, group, role, status, email,
 * direct access number — case- and accent-insensitively, as you type.
 * Chatting is still bound by the same-group rule (tenant.canChat).
 */
import { fold } from '../kernel/fold.js';
import type { ViewContext } from '../kernel/module.js';
import type { Status } from '../tenant/schema.js';
import { STATUS_LABELS } from './labels.js';

export interface DirectoryEntry {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  group: string;
  groupName: string;
  role: 'agent' | 'supervisor';
  status: Status;
  statusSince: number;
  email?: string;
  directAccessNumber?: string;
  /** I may chat with them (same group; a supervisor with the groups they supervise). */
  canChat: boolean;
}

export interface DirectoryResult {
  entries: DirectoryEntry[];
  /** How many matched (more than listed when over the limit). */
  total: number;
}

export function directoryView(vc: ViewContext) {
  const { tenant } = vc;
  // The columns that never change, folded once.
  const fixed = new Map(
    tenant.config.agents.map((a) => [
      a.id,
      fold([a.id, a.displayName, a.firstName, a.lastName, tenant.groups.get(a.group)?.name ?? a.group, a.role, a.email, a.directAccessNumber].filter(Boolean).join(' \u2502 ')),
    ]),
  );

  return {
    /** Agents matching every word of `text` in some column, by display name (all of them for an empty text). */
    directory(agentId: string, text: string, limit = 50): DirectoryResult {
      const words = fold(text).split(/\s+/).filter(Boolean);
      const state = vc.state();
      const matches: DirectoryEntry[] = [];
      for (const a of tenant.config.agents) {
        const live = state.agents.get(a.id);
        const status = live?.status ?? 'logged_out';
        const doc = `${fixed.get(a.id)!} \u2502 ${fold(STATUS_LABELS[status])}`;
        if (!words.every((w) => doc.includes(w))) continue;
        matches.push({
          id: a.id,
          displayName: a.displayName,
          firstName: a.firstName,
          lastName: a.lastName,
          group: a.group,
          groupName: tenant.groups.get(a.group)?.name ?? a.group,
          role: a.role,
          status,
          statusSince: live?.statusSince ?? 0,
          ...(a.email ? { email: a.email } : {}),
          ...(a.directAccessNumber ? { directAccessNumber: a.directAccessNumber } : {}),
          canChat: a.id !== agentId && tenant.canChat(agentId, a.id),
        });
      }
      matches.sort((x, y) => x.displayName.localeCompare(y.displayName));
      return { entries: matches.slice(0, Math.max(1, Math.min(limit, 500))), total: matches.length };
    },
  };
}
