// Every command of the console as data: its id (namespaced by context), what
// help and the palette call it, and its default keys. keymap.ts builds the
// lookup tables, the help overlay and the README key table from this list
// alone, and actions/index.ts must give each id a handler (the type checks it).
import { CALL_COMMANDS, CALL_CONTEXTS, CALL_DIALOG_CONTEXTS, CALL_SCREENS } from './call/commands.js';
import { CHAT_COMMANDS, CHAT_CONTEXTS, CHAT_DIALOG_CONTEXTS, CHAT_SCREENS } from './chat/commands.js';
import { HISTORY_COMMANDS, HISTORY_CONTEXTS, HISTORY_SCREENS } from './history/commands.js';
import { NOTICE_COMMANDS, NOTICE_CONTEXTS, NOTICE_DIALOG_CONTEXTS, NOTICE_SCREENS } from './notices/commands.js';
import { CRM_COMMANDS, CRM_CONTEXTS, CRM_DIALOG_CONTEXTS, CRM_SCREENS, type CrmWhenId } from './crm/commands.js';
import { PANES } from './pane-ids.js';
import { TEXT } from './text-layer.js';

/** Where a binding applies. Contexts are stacked into screens (SCREENS below). */
export const CONTEXTS = {
  global: { title: 'Everywhere', note: 'Whenever no dialog is open.' },
  offer: { title: 'Offer', note: 'While an offer waits, from any pane, dialog or text field: its own keys, which nothing else uses.' },
  offerPane: { title: 'Offer in the Interaction pane', note: 'Where the offer is shown; a rejection always asks first.' },
  list: { title: 'Lists', note: 'In any list: panes, help, palette, status menu.' },
  work: { title: 'Interaction and disposition panes', note: 'Act on the selected interaction.' },
  disposition: { title: 'Disposition pane', note: 'Codes of the selected interaction; lists marked * are mandatory.' },
  queues: { title: 'Queues pane', note: 'My assigned queues, grouped by media.' },
  contacts: { title: 'Contacts pane', note: 'Agents I can reach.' },
  notes: { title: 'Editing notes', note: 'Enter starts a new line, Backspace deletes.' },
  notesEnded: { title: 'A field whose interaction ended', note: 'Notes or a message held open after its interaction ended, saying what was saved or sent.' },
  search: { title: 'Searching contacts', note: 'Results update as you type.' },
  dialog: { title: 'Dialogs', note: 'Help, palette, status menu, quit.' },
  help: { title: 'Help overlay', note: 'Dimmed keys do not apply right now.' },
  quit: { title: 'Quit dialog', note: 'What is not possible now is shown greyed, with the reason.' },
  ...CALL_CONTEXTS,
  ...CHAT_CONTEXTS,
  ...NOTICE_CONTEXTS,
  ...CRM_CONTEXTS,
  ...HISTORY_CONTEXTS,
  terminal: { title: 'Terminal', note: 'On every screen, dialogs and text fields too, unless the screen binds the key itself.' },
} as const;

export type ContextId = keyof typeof CONTEXTS;

/**
 * When a command applies, by name: the footer hints and the palette offer a
 * command only while its predicate holds, and help dims it otherwise. The
 * predicates themselves are one table in when.ts (the compiler wants one for
 * every name here); a command without `when` applies wherever its context is
 * active. The engine still judges every command sent.
 */
export type WhenId =
  | 'loggedIn' | 'canLogOut' | 'offer' | 'canReject'
  | 'work' | 'workAway' | 'notesChanged' | 'choosable' | 'active' | 'inWrapUp' | 'codes' | 'chatting' | 'hasPhone' | 'canDial'
  | 'call' | 'callLive' | 'canRecord' | 'recordings' | 'transferable' | 'consulting' | 'conference' | 'conferenceHost' | 'voicemail'
  | 'transferTabs' | 'coldTransfer' | 'callHistory' | 'transferHistory' | 'participantsHost'
  | 'chatShown' | 'canWrite' | 'draftWritten' | 'canChatContact' | 'customerChatActive' | 'colleagueChat' | 'colleagueCallable' | 'contactCallable' | 'severalChats' | `chatTab${1 | 2 | 3 | 4 | 5 | 6}`
  | 'faqShortcut' | 'faqEntry' | 'canEditFaq' | 'canEditFaqEntry'
  | 'canNotice' | 'notices' | 'severalNoticeGroups'
  | CrmWhenId;

export interface CommandSpec {
  readonly id: string;
  readonly context: ContextId;
  readonly title: string;
  readonly description: string;
  readonly keys: readonly string[];
  /** Shown in the key hints at the bottom (a string: its shorter label there). */
  readonly hint?: boolean | string;
  /** When it applies (when.ts); absent: wherever its context is active. */
  readonly when?: WhenId;
}

const paneCommand = <const N extends 1 | 2 | 3 | 4 | 5 | 6>(n: N) => {
  const pane = PANES[n - 1]!;
  return {
    id: `global.pane${n}`,
    context: 'global',
    title: `Go to ${pane.title}`,
    description: `Focus the ${pane.title} pane.`,
    keys: [String(n)],
  } as const;
};

export const COMMANDS = [
  { id: 'global.help', context: 'global', title: 'Help', description: 'Show every key binding.', keys: ['?'] },
  { id: 'global.palette', context: 'global', title: 'Command palette', description: 'Find any command by name and run it.', keys: [':'], hint: 'Commands' },
  { id: 'global.nextPane', context: 'global', title: 'Next pane', description: 'Move focus to the next pane.', keys: ['tab'] },
  { id: 'global.prevPane', context: 'global', title: 'Previous pane', description: 'Move focus to the previous pane.', keys: ['shift+tab'] },
  paneCommand(1),
  paneCommand(2),
  paneCommand(3),
  paneCommand(4),
  paneCommand(5),
  paneCommand(6),
  { id: 'global.status', context: 'global', title: 'Change status', description: 'Pick a status (while busy: the status to take after work), then its reason when required.', keys: ['s'], hint: 'Status', when: 'loggedIn' },
  { id: 'global.disposition', context: 'global', title: 'Go to disposition', description: 'Jump to the codes of the selected interaction.', keys: ['d'], hint: 'Codes', when: 'workAway' },
  { id: 'global.stopNew', context: 'global', title: 'Stop new / Resume offers', description: 'While handling chats: stop new chat offers, or resume them.', keys: ['p'], when: 'chatting' },
  { id: 'global.logout', context: 'global', title: 'Log out', description: 'Log out of the engine (not while work is in progress).', keys: [], when: 'canLogOut' },
  { id: 'global.quit', context: 'global', title: 'Quit', description: 'Leave the console; asks first, and offers to log out.', keys: ['q', 'ctrl+c'], hint: true },

  { id: 'offer.accept', context: 'offer', title: 'Accept offer', description: 'Take the offered interaction; you become Busy.', keys: ['ctrl+y'], hint: 'Accept', when: 'offer' },
  { id: 'offer.reject', context: 'offer', title: 'Reject offer', description: 'Decline the offer (needs the reject permission); asks first and says which status you will be in.', keys: ['ctrl+x'], hint: 'Reject', when: 'canReject' },
  { id: 'offerPane.accept', context: 'offerPane', title: 'Accept the offer shown', description: 'Take the offered interaction; you become Busy.', keys: ['a'], hint: 'Accept', when: 'offer' },
  { id: 'offerPane.reject', context: 'offerPane', title: 'Reject the offer shown', description: 'Decline it (needs the reject permission); asks first and says which status you will be in.', keys: ['x'], hint: 'Reject', when: 'canReject' },

  { id: 'list.up', context: 'list', title: 'Up', description: 'Move the cursor up.', keys: ['up', 'k'] },
  { id: 'list.down', context: 'list', title: 'Down', description: 'Move the cursor down.', keys: ['down', 'j'] },
  { id: 'list.pageUp', context: 'list', title: 'Page up', description: 'Move the cursor one page up.', keys: ['pageup'] },
  { id: 'list.pageDown', context: 'list', title: 'Page down', description: 'Move the cursor one page down.', keys: ['pagedown'] },
  { id: 'list.top', context: 'list', title: 'First item', description: 'Move the cursor to the first item.', keys: ['home'] },
  { id: 'list.bottom', context: 'list', title: 'Last item', description: 'Move the cursor to the last item.', keys: ['end'] },

  { id: 'work.notes', context: 'work', title: 'Edit notes', description: 'Type notes for the selected interaction; Esc saves and stops editing.', keys: ['n'], hint: 'Notes', when: 'work' },
  { id: 'work.end', context: 'work', title: 'End interaction', description: 'Hang up or close the selected interaction; it goes to wrap-up.', keys: ['e'], hint: 'End', when: 'active' },
  { id: 'work.wrapUp', context: 'work', title: 'Wrap up', description: 'Finish wrap-up of the selected interaction (mandatory codes first).', keys: ['w'], hint: 'Wrap up', when: 'inWrapUp' },

  { id: 'disposition.toggle', context: 'disposition', title: 'Toggle code', description: 'Select or clear the code under the cursor; several may be chosen.', keys: ['space', 'enter'], hint: 'Toggle', when: 'codes' },

  { id: 'queues.toggle', context: 'queues', title: 'Enable / disable queue', description: 'A disabled queue sends you no offers but stays listed.', keys: ['space', 'enter'], hint: 'On/off' },
  { id: 'queues.relation', context: 'queues', title: 'Filter queues by relation', description: 'Cycle all / member / supervisor.', keys: ['r'], hint: 'Relation' },
  { id: 'queues.enabled', context: 'queues', title: 'Filter queues by state', description: 'Cycle all / enabled / disabled.', keys: ['o'], hint: 'State' },
  { id: 'queues.media', context: 'queues', title: 'Filter queues by media', description: 'Cycle all media, then each media.', keys: ['m'], hint: 'Media' },
  { id: 'queues.clear', context: 'queues', title: 'Clear queue filters', description: 'Show every assigned queue again.', keys: ['c', 'esc'] },

  { id: 'contacts.search', context: 'contacts', title: 'Search contacts', description: 'Type to filter by name, group, status or role.', keys: ['/'], hint: 'Search' },
  { id: 'contacts.nextTab', context: 'contacts', title: 'Next contacts tab', description: 'All, Recent, Favourites.', keys: ['t', 'right'], hint: 'Tab' },
  { id: 'contacts.prevTab', context: 'contacts', title: 'Previous contacts tab', description: 'All, Recent, Favourites.', keys: ['shift+t', 'left'] },
  { id: 'contacts.favourite', context: 'contacts', title: 'Toggle favourite', description: 'Add or remove the contact under the cursor from Favourites.', keys: ['f'], hint: 'Favourite' },
  { id: 'contacts.call', context: 'contacts', title: 'Call contact', description: 'Dial the colleague under the cursor on their direct number (outbound code first).', keys: ['ctrl+p'], hint: 'Call', when: 'contactCallable' },
  { id: 'contacts.open', context: 'contacts', title: 'Open contact', description: 'Show the contact and add them to Recent.', keys: ['enter'] },
  { id: 'contacts.group', context: 'contacts', title: 'Filter contacts by group', description: 'Cycle all groups, then each group.', keys: ['g'] },
  { id: 'contacts.status', context: 'contacts', title: 'Filter contacts by status', description: 'Cycle all statuses, then each status.', keys: ['v'] },
  { id: 'contacts.clear', context: 'contacts', title: 'Clear contact filters', description: 'Clear the search and filters.', keys: ['c', 'esc'] },

  { id: 'notes.done', context: 'notes', title: 'Save notes and stop editing', description: 'Send the notes and leave the notes field.', keys: ['esc'], hint: 'Save & leave' },
  { id: 'notesEnded.close', context: 'notesEnded', title: 'Close the field', description: 'Close the notes or message field held open after its interaction ended (nothing more can be sent).', keys: ['esc'], hint: 'Close' },
  { id: 'notes.save', context: 'notes', title: 'Save notes', description: 'Send the notes and keep editing.', keys: ['ctrl+s'], hint: 'Save', when: 'notesChanged' },

  { id: 'search.done', context: 'search', title: 'Keep search', description: 'Leave the search field, keeping the filter.', keys: ['enter'], hint: true },
  { id: 'search.cancel', context: 'search', title: 'Clear search', description: 'Leave the search field and clear it.', keys: ['esc'], hint: true },

  { id: 'dialog.select', context: 'dialog', title: 'Choose', description: 'Choose the item under the cursor.', keys: ['enter'], hint: true, when: 'choosable' },
  { id: 'dialog.close', context: 'dialog', title: 'Back / close', description: 'Go back one step, or close the dialog.', keys: ['esc'], hint: true },

  { id: 'help.close', context: 'help', title: 'Close help', description: 'Close the help overlay (back to the dialog or text it covered).', keys: ['?', 'q', 'esc', 'f1'], hint: 'Close' },

  { id: 'quit.confirm', context: 'quit', title: 'Quit, staying logged in', description: 'Leave the console; your work and status stay with the engine.', keys: ['y'], hint: 'Quit' },
  { id: 'quit.logout', context: 'quit', title: 'Log out and quit', description: 'Log out, then leave (not possible with work in progress).', keys: ['l'], hint: 'Log out & quit', when: 'canLogOut' },
  ...CALL_COMMANDS,
  ...CHAT_COMMANDS,
  ...NOTICE_COMMANDS,
  ...CRM_COMMANDS,
  ...HISTORY_COMMANDS,

  { id: 'terminal.repaint', context: 'terminal', title: 'Repaint the screen', description: 'Draw the whole screen again, as shells and editors do.', keys: ['ctrl+l'] },
  { id: 'terminal.help', context: 'terminal', title: 'Help, from anywhere', description: 'Show every key binding while typing or in a dialog too, where ? is text; closing it goes back there.', keys: ['f1'] },
  { id: 'terminal.suspend', context: 'terminal', title: 'Suspend', description: "Give the shell its screen and stop the console; the shell's fg brings it back.", keys: ['ctrl+z'] },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export { TEXT };
export type Layer = ContextId | typeof TEXT;

/** What is active on each screen, top layer first: the first layer that binds
 *  a key wins. Used at run time to resolve keys and at start to find conflicts.
 *  Below every screen's layers lies FALLBACK: keys any screen may shadow. */
export const SCREENS = {
  interaction: ['offerPane', 'work', 'call', 'chatPane', 'chat', 'list', 'offer', 'global'],
  disposition: ['disposition', 'work', 'list', 'offer', 'global'],
  queues: ['queues', 'list', 'offer', 'global'],
  contacts: ['contacts', 'list', 'offer', 'global'],
  notes: ['notes', TEXT, 'offer', 'global'],
  notesEnded: ['notesEnded', TEXT, 'offer', 'global'],
  search: ['search', TEXT, 'list', 'offer', 'global'],
  help: ['help', 'list', 'offer'],
  palette: ['dialog', TEXT, 'list', 'offer'],
  status: ['list', 'dialog', 'offer'],
  quit: ['quit', 'list', 'dialog', 'offer'],
  rejectOffer: ['list', 'dialog', 'offer'],
  ...CALL_SCREENS,
  ...CHAT_SCREENS,
  ...NOTICE_SCREENS,
  ...CRM_SCREENS,
  ...HISTORY_SCREENS,
} as const satisfies Record<string, readonly Layer[]>;

export type ScreenId = keyof typeof SCREENS;

/** The layer under every screen: terminal keys (Ctrl-L, Ctrl-Z) work wherever nothing else binds them. */
export const FALLBACK = 'terminal' as const satisfies ContextId;

/** Contexts whose commands make no sense outside their dialog or field. */
export const NOT_IN_PALETTE: ReadonlySet<ContextId> = new Set<ContextId>(['offerPane', 'list', 'dialog', 'notes', 'notesEnded', 'search', 'help', 'quit', ...CALL_DIALOG_CONTEXTS, ...CHAT_DIALOG_CONTEXTS, ...NOTICE_DIALOG_CONTEXTS, ...CRM_DIALOG_CONTEXTS]);
