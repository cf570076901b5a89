// Chat commands as data (spread into keymap-commands.ts): chat tabs, writing
// messages, FAQ search and editing, chat transfer, and chatting with a
// colleague from Contacts. Help, the palette and the hints pick them up there.

import { TEXT } from '../text-layer.js';

export const CHAT_CONTEXTS = {
  chatPane: { title: 'Chat shown', note: 'In the interaction pane while a chat is shown.' },
  chat: { title: 'Chat', note: 'While a chat is shown, and while writing; Alt-1..6 pick a chat, customers first, then colleagues (tabs marked @).' },
  compose: { title: 'Writing a chat message', note: 'Enter sends; Alt-Enter or Ctrl-N starts a new line. At most 5,000 characters.' },
  faq: { title: 'FAQ search', note: 'Type to search titles, shortcuts and categories; Enter inserts the answer as text.' },
  faqEdit: { title: 'FAQ entry form', note: 'Title, shortcut (a backslash and a word), category, body (HTML: b, i, u, h1, h2, ul, ol, li, a, br).' },
} as const;

const tab = <const N extends 1 | 2 | 3 | 4 | 5 | 6>(n: N) => ({
  id: `chat.tab${n}`, context: 'chat', title: `Chat tab ${n}`, description: `Show chat ${n} (customer chats first, then colleagues).`, keys: [`alt+${n}`], when: `chatTab${n}`,
} as const);

export const CHAT_COMMANDS = [
  { id: 'contacts.chat', context: 'contacts', title: 'Chat with contact', description: 'Open a chat with the colleague under the cursor (no accept needed): colleagues who are logged in, not while you are On Break.', keys: ['m'], hint: 'Chat', when: 'canChatContact' },

  { id: 'chatPane.compose', context: 'chatPane', title: 'Write a message', description: 'Type in the chat shown; the draft is kept per chat (a colleague chat: while they are logged in and you are not On Break).', keys: ['enter'], hint: 'Write', when: 'canWrite' },

  tab(1), tab(2), tab(3), tab(4), tab(5), tab(6),
  { id: 'chat.next', context: 'chat', title: 'Next chat', description: 'Show the next chat tab.', keys: ['alt+right'], when: 'severalChats' },
  { id: 'chat.prev', context: 'chat', title: 'Previous chat', description: 'Show the previous chat tab.', keys: ['alt+left'], when: 'severalChats' },
  { id: 'chat.faq', context: 'chat', title: 'FAQ search', description: 'Search the FAQ and insert an answer into the chat shown.', keys: ['ctrl+f'], hint: 'FAQ', when: 'chatShown' },
  { id: 'chat.transfer', context: 'chat', title: 'Transfer chat', description: 'Transfer the customer chat shown to a chat queue; its history goes along, and it is never offered back to you.', keys: ['ctrl+t'], hint: 'Transfer', when: 'customerChatActive' },
  { id: 'chat.callColleague', context: 'chat', title: 'Call this colleague', description: 'Dial the colleague of the chat shown on their direct number (outbound code first).', keys: ['ctrl+p'], hint: 'Call', when: 'colleagueCallable' },
  { id: 'chat.closeTab', context: 'chat', title: 'Close colleague chat', description: 'Close the colleague chat tab shown (the conversation is kept).', keys: ['ctrl+w'], hint: 'Close tab', when: 'colleagueChat' },

  { id: 'compose.send', context: 'compose', title: 'Send message', description: 'Send the draft; it shows as sent once the server confirms it.', keys: ['enter'], hint: 'Send', when: 'draftWritten' },
  { id: 'compose.newline', context: 'compose', title: 'New line', description: 'Start a new line in the message.', keys: ['alt+enter', 'ctrl+n'], hint: 'New line' },
  { id: 'compose.expand', context: 'compose', title: 'Accept FAQ shortcut', description: 'Replace the FAQ shortcut just typed (such as \\q) with its answer.', keys: ['tab'], hint: 'Insert answer', when: 'faqShortcut' },
  { id: 'compose.done', context: 'compose', title: 'Stop writing', description: 'Leave the message field; the draft is kept.', keys: ['esc'], hint: 'Stop writing' },
  { id: 'compose.scrollUp', context: 'compose', title: 'Scroll chat up', description: 'Show older messages.', keys: ['pageup'] },
  { id: 'compose.scrollDown', context: 'compose', title: 'Scroll chat down', description: 'Show newer messages.', keys: ['pagedown'] },

  { id: 'faq.insertLink', context: 'faq', title: 'Insert FAQ as link', description: 'Insert a link to the answer instead of its text.', keys: ['ctrl+k'], hint: 'As link', when: 'faqEntry' },
  { id: 'faq.new', context: 'faq', title: 'New FAQ entry', description: 'Add an FAQ entry (needs the FAQ permission).', keys: ['ctrl+n'], hint: 'New', when: 'canEditFaq' },
  { id: 'faq.edit', context: 'faq', title: 'Edit FAQ entry', description: 'Edit the entry under the cursor (needs the FAQ permission).', keys: ['ctrl+e'], hint: 'Edit', when: 'canEditFaqEntry' },
  { id: 'faq.delete', context: 'faq', title: 'Delete FAQ entry', description: 'Delete the entry under the cursor; press twice to confirm.', keys: ['ctrl+d'], when: 'canEditFaqEntry' },

  { id: 'faqEdit.save', context: 'faqEdit', title: 'Save FAQ entry', description: 'Save the entry for everyone (durable).', keys: ['ctrl+s'], hint: 'Save' },
  { id: 'faqEdit.next', context: 'faqEdit', title: 'Next field', description: 'Move to the next field (Enter too).', keys: ['tab'], hint: 'Next field' },
  { id: 'faqEdit.prev', context: 'faqEdit', title: 'Previous field', description: 'Move to the previous field.', keys: ['shift+tab'] },
  { id: 'faqEdit.newline', context: 'faqEdit', title: 'New line in body', description: 'Start a new line in the body.', keys: ['alt+enter'] },
] as const;

/** Layers of the chat screens. The interaction screen's own entry (keymap-commands.ts) adds 'chatPane' and 'chat'. */
export const CHAT_SCREENS = {
  compose: ['compose', TEXT, 'chat', 'offer'],
  faq: ['faq', 'dialog', TEXT, 'list', 'offer'],
  faqEdit: ['faqEdit', 'dialog', TEXT, 'offer'],
  chatTransfer: ['dialog', TEXT, 'list', 'offer'],
} as const;

export const CHAT_DIALOG_CONTEXTS = ['compose', 'faq', 'faqEdit'] as const;
