// The console's panes, in Tab order. Digits 1..n focus them, in this order.
// Pure data (no React) so the keymap can generate its "Go to ..." commands.

export const PANES = [
  { id: 'interaction', title: 'Interaction' },
  { id: 'disposition', title: 'Disposition' },
  { id: 'queues', title: 'Queues' },
  { id: 'contacts', title: 'Contacts' },
  { id: 'notices', title: 'Notices' },
  { id: 'crm', title: 'CRM' },
] as const;

export type PaneId = (typeof PANES)[number]['id'];

export const paneIndex = (id: PaneId): number => PANES.findIndex((p) => p.id === id);
