// Notices as the console receives them, for pane, dialog and binding tests.
import type { AgentView } from '../../../src/client/index.js';
import type { NoticeView } from '../../../src/protocol/index.js';
import { makeView, NOW } from '../helpers/fixtures.js';

export const notice = (id: string, over: Partial<NoticeView> = {}): NoticeView => ({
  id, from: 'kate', fromName: 'Kate S.', text: `Notice ${id}`, priority: 'low', groups: ['Support'], platform: false, at: NOW - 60_000, read: false, ...over,
});

export const noticesView = (notices: NoticeView[], over: Partial<AgentView> = {}): AgentView =>
  makeView({ notices, noticeGroups: [{ id: 'support', name: 'Support' }], ...over });
