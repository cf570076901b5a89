// CRM commands as data (spread into keymap-commands.ts): the CRM pane (search,
// a customer, a case, my tasks, the screen-pop pick list), its search field,
// the record forms and the directory. Help, the palette and the hints pick
// them up from there like any other command.

import { TEXT } from '../text-layer.js';

export const CRM_CONTEXTS = {
  crm: { title: 'CRM pane', note: 'Customers, their cases and history, my tasks. Esc goes back a page.' },
  crmSearch: { title: 'Searching the CRM', note: 'Customers and cases, any column, case and accents ignored; results as you type.' },
  crmForm: { title: 'CRM forms', note: 'Customer, case, follow-up and task forms; a duplicate email or phone is offered for merge.' },
  directory: { title: 'Directory', note: 'Every agent of the tenant; type to search any column; Enter chats with the agent (your group; supervisors: theirs).' },
} as const;

/** When the CRM's commands apply (their predicates: crm/when.ts). */
export type CrmWhenId =
  | 'crmCanEdit' | 'crmCanNew' | 'crmRows' | 'crmCanBack' | 'crmRecord' | 'crmCase' | 'crmCallable' | 'crmToggle'
  | 'crmLinkable' | 'crmCanSetCustomer' | 'crmCanMerge' | 'crmDuplicates' | 'crmMultiline' | 'directoryCallable';

export const CRM_COMMANDS = [
  { id: 'global.crmSearch', context: 'global', title: 'Search the CRM', description: 'Customers and cases by any column, as you type (the CRM pane).', keys: ['shift+c'], hint: 'CRM', when: 'loggedIn' },
  { id: 'global.directory', context: 'global', title: 'Directory', description: 'Every agent of the tenant, searched as you type; chat or call one.', keys: ['shift+a'], when: 'loggedIn' },

  { id: 'crm.search', context: 'crm', title: 'Search customers and cases', description: 'Type any part of a name, company, email, phone, account, address or case.', keys: ['/'], hint: 'Search' },
  { id: 'crm.open', context: 'crm', title: 'Open', description: 'Open the customer, case or task under the cursor (a pick: link it to my interaction).', keys: ['enter'], hint: 'Open', when: 'crmRows' },
  { id: 'crm.back', context: 'crm', title: 'Back', description: 'Back to the page shown before.', keys: ['esc', 'backspace'], when: 'crmCanBack' },
  { id: 'crm.new', context: 'crm', title: 'New customer / case', description: 'A new customer (a new case on a customer\'s page; the prefilled form for an unknown caller).', keys: ['n'], hint: 'New', when: 'crmCanNew' },
  { id: 'crm.edit', context: 'crm', title: 'Edit record', description: 'Edit the customer or case shown.', keys: ['e'], hint: 'Edit', when: 'crmRecord' },
  { id: 'crm.followUp', context: 'crm', title: 'Add a follow-up', description: 'A note on the case\'s history.', keys: ['f'], hint: 'Follow-up', when: 'crmCase' },
  { id: 'crm.call', context: 'crm', title: 'Call the customer', description: 'Dial the customer shown (outbound code first); the call is logged on their record.', keys: ['c'], hint: 'Call', when: 'crmCallable' },
  { id: 'crm.task', context: 'crm', title: 'New task', description: 'A task about the customer or case shown, for you or a colleague.', keys: ['t'], when: 'crmCanEdit' },
  { id: 'crm.tasks', context: 'crm', title: 'My tasks', description: 'The tasks assigned to me (again: done ones too).', keys: ['shift+t'] },
  { id: 'crm.toggle', context: 'crm', title: 'Task done / close case', description: 'On a task: mark it done or not; elsewhere on a case: close or reopen it.', keys: ['space', 'shift+x'], when: 'crmToggle' },
  { id: 'crm.link', context: 'crm', title: 'This is my caller', description: 'Link my selected interaction to the customer or case shown: its log goes there.', keys: ['l'], hint: 'Link', when: 'crmLinkable' },
  { id: 'crm.setCustomer', context: 'crm', title: 'Set the case\'s customer', description: 'Search a customer and give them this case (an unknown caller\'s log).', keys: ['u'], when: 'crmCanSetCustomer' },
  { id: 'crm.merge', context: 'crm', title: 'Merge a duplicate', description: 'Merge the customer\'s possible duplicate into the one shown.', keys: ['m'], hint: 'Merge', when: 'crmCanMerge' },
  { id: 'crm.refresh', context: 'crm', title: 'Refresh', description: 'Load the page shown again.', keys: ['r'] },

  { id: 'crmSearch.done', context: 'crmSearch', title: 'Go to the results', description: 'Leave the search field, keeping the results.', keys: ['enter'], hint: 'Results' },
  { id: 'crmSearch.cancel', context: 'crmSearch', title: 'Clear search', description: 'Leave the search field and clear it.', keys: ['esc'], hint: 'Clear' },

  { id: 'crmForm.next', context: 'crmForm', title: 'Next field', description: 'Move to the next field.', keys: ['tab'], hint: 'Next field' },
  { id: 'crmForm.prev', context: 'crmForm', title: 'Previous field', description: 'Move to the previous field.', keys: ['shift+tab'] },
  { id: 'crmForm.save', context: 'crmForm', title: 'Save', description: 'Save the record (Enter on the last field too).', keys: ['ctrl+s'], hint: 'Save' },
  { id: 'crmForm.force', context: 'crmForm', title: 'Keep both', description: 'After a duplicate warning: save as a new record anyway (Enter merges into the one under the cursor).', keys: ['ctrl+k'], hint: 'Keep both', when: 'crmDuplicates' },
  { id: 'crmForm.newline', context: 'crmForm', title: 'New line', description: 'A new line in a multi-line field (address, notes, follow-up).', keys: ['alt+enter', 'ctrl+n'], when: 'crmMultiline' },

  { id: 'directory.call', context: 'directory', title: 'Call the agent', description: 'Dial the agent\'s direct number (outbound code first).', keys: ['ctrl+p'], hint: 'Call', when: 'directoryCallable' },
] as const;

/** The CRM screens (the pane, its search field, and an overlay kind each), top layer first. */
export const CRM_SCREENS = {
  crm: ['crm', 'list', 'offer', 'global'],
  crmSearch: ['crmSearch', TEXT, 'list', 'offer', 'global'],
  crmForm: ['crmForm', 'dialog', TEXT, 'list', 'offer'],
  directory: ['directory', 'dialog', TEXT, 'list', 'offer'],
} as const;

/** Dialog-only contexts: not offered in the palette. */
export const CRM_DIALOG_CONTEXTS = ['crmSearch', 'crmForm', 'directory'] as const;
