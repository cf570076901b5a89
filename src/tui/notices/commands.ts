// Notice commands as data (spread into keymap-commands.ts): the Notices pane,
// the compose dialog, and the pop-up that blocks the console until it is
// acknowledged. Help, the palette and the hints pick them up from there.

import { TEXT } from '../text-layer.js';

export const NOTICE_CONTEXTS = {
  notices: { title: 'Notices', note: 'Broadcast notices to your group, newest first; shown notices count as read.' },
  noticeCompose: { title: 'Sending a notice', note: 'Type the notice (at most 1,000 characters); pick its priority and, as a supervisor, which of your groups get it.' },
  noticePopup: { title: 'Pop-up notice', note: 'Blocks the console until acknowledged.' },
} as const;

export const NOTICE_COMMANDS = [
  { id: 'global.notice', context: 'global', title: 'Send a notice', description: 'Broadcast a notice to your group (a supervisor: to any of theirs); not while On Break.', keys: ['shift+n'], when: 'canNotice' },
  { id: 'notices.open', context: 'notices', title: 'Read notice', description: 'Show the whole notice under the cursor.', keys: ['enter'], hint: 'Read', when: 'notices' },
  { id: 'noticeCompose.priority', context: 'noticeCompose', title: 'Next priority', description: 'Low, medium, high, pop-up (blocks the recipients until they acknowledge).', keys: ['tab'], hint: 'Priority' },
  { id: 'noticeCompose.groups', context: 'noticeCompose', title: 'Include / leave out a group', description: 'Supervisors: send to any of your groups — all of them, one, or a few (toggle the group under the cursor).', keys: ['ctrl+g'], hint: 'Include/leave out', when: 'severalNoticeGroups' },
  { id: 'noticeCompose.nextGroup', context: 'noticeCompose', title: 'Next group', description: 'Move the cursor down the recipient groups.', keys: ['down'], when: 'severalNoticeGroups' },
  { id: 'noticeCompose.prevGroup', context: 'noticeCompose', title: 'Previous group', description: 'Move the cursor up the recipient groups.', keys: ['up'], when: 'severalNoticeGroups' },
  { id: 'noticePopup.ok', context: 'noticePopup', title: 'Acknowledge', description: 'OK: the notice is read and the console is yours again.', keys: ['enter'], hint: 'OK' },
] as const;

/** The notice screens (the pane, and an overlay kind each), top layer first. */
export const NOTICE_SCREENS = {
  notices: ['notices', 'list', 'offer', 'global'],
  noticeCompose: ['noticeCompose', 'dialog', TEXT, 'offer'],
  noticeView: ['list', 'dialog', 'offer'],
  // Nothing else: a pop-up blocks every tool until acknowledged.
  noticePopup: ['noticePopup'],
} as const;

/** Dialog-only contexts: not offered in the palette. */
export const NOTICE_DIALOG_CONTEXTS = ['noticeCompose', 'noticePopup'] as const;
