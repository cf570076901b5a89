/** Broadcast notices: to groups (an agent's own, a supervisor's), platform changes to everyone, read marks. */
import { defineModule, type HandlersOf } from '../kernel/module.js';
import type { NoticeCommand } from './commands.js';
import { broadcastNotice, platformNotice, readNotices } from './handlers.js';
import { NOTICE_REDUCERS } from './reducers.js';
import { noticesSlice } from './state.js';
import { noticeViews } from './views.js';

const handlers: HandlersOf<NoticeCommand> = {
  broadcast_notice: broadcastNotice,
  platform_notice: platformNotice,
  read_notices: readNotices,
};

export const notices = defineModule({
  name: 'notices',
  state: noticesSlice,
  handlers,
  reducers: NOTICE_REDUCERS,
  views: noticeViews,
});
