/**
 * THE permission rulebook. Each command that needs a permission names it
 * here; the engine checks it (the server checks it too, at the door, and the
 * console only hides what these deny).
 */
import type { AgentConfig, Permissions } from '../tenant/schema.js';

export type Permission =
  | 'rejectOffers'
  | 'recordStart'
  | 'recordPause'
  | 'changeWorkplacePhone'
  | 'changeConnectionMode'
  | 'editDisplayName'
  | 'pullEmails'
  | 'deleteEmails'
  | 'editFaq'
  | 'transferToUnstaffedQueues'
  | 'crmEdit'
  | 'crmMerge'
  | 'crmImport';

const RULES: Record<Permission, (p: Permissions) => boolean> = {
  rejectOffers: (p) => p.rejectOffers,
  recordStart: (p) => p.recording !== 'none',
  recordPause: (p) => p.recording === 'start_pause',
  changeWorkplacePhone: (p) => p.changeWorkplacePhone,
  changeConnectionMode: (p) => p.changeConnectionMode,
  editDisplayName: (p) => p.editDisplayName,
  pullEmails: (p) => p.pullEmails,
  deleteEmails: (p) => p.deleteEmails,
  editFaq: (p) => p.editFaq,
  transferToUnstaffedQueues: (p) => p.transferToUnstaffedQueues,
  crmEdit: (p) => p.crmEdit,
  crmMerge: (p) => p.crmMerge,
  crmImport: (p) => p.crmImport,
};

/** Human wording for NOT_PERMITTED errors. */
export const PERMISSION_LABELS: Record<Permission, string> = {
  rejectOffers: 'reject offers',
  recordStart: 'start recordings',
  recordPause: 'pause recordings',
  changeWorkplacePhone: 'change the workplace phone',
  changeConnectionMode: 'change the connection mode',
  editDisplayName: 'edit the display name',
  pullEmails: 'pull emails',
  deleteEmails: 'delete emails',
  editFaq: 'edit the FAQ',
  transferToUnstaffedQueues: 'transfer to unstaffed queues without warning',
  crmEdit: 'edit CRM records',
  crmMerge: 'merge customers',
  crmImport: 'import or export customers',
};

export function hasPermission(agent: AgentConfig, permission: Permission): boolean {
  return RULES[permission](agent.permissions);
}

/** Every permission an agent holds: sent to the console so it can hide what is denied. */
export function permissionsOf(agent: AgentConfig): Permission[] {
  return (Object.keys(RULES) as Permission[]).filter((p) => RULES[p](agent.permissions));
}
