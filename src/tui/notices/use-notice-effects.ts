// What the console does by itself about notices: a pop-up takes the screen
// (the agent's open dialog comes back after OK), and notices shown in the
// focused Notices pane count as read.
import { useEffect, useRef } from 'react';
import type { ConsoleServices } from '../context.js';
import { useUi, useView } from '../context.js';
import { pendingPopup, senderOf } from './items.js';

export function useNoticeEffects(s: ConsoleServices): void {
  const popupId = useView((v) => pendingPopup(v.notices)?.id ?? null);
  useEffect(() => {
    if (!popupId) return;
    let rang = false;
    s.ui.update((u) => {
      if (u.overlay?.kind === 'noticePopup') return u.overlay.noticeId === popupId ? u : { ...u, overlay: { ...u.overlay, noticeId: popupId } };
      rang = true;
      // A text field being typed in stays as it is, under the pop-up.
      return { ...u, overlay: { kind: 'noticePopup', noticeId: popupId, previous: u.overlay, error: null } };
    });
    const notice = s.view.get().notices.find((n) => n.id === popupId);
    if (rang && notice) s.terminal.alert({ title: `Notice from ${senderOf(notice)}`, body: notice.text });
  }, [popupId, s]);

  // Unread notices (pop-ups aside: they need their OK) are read once the Notices pane shows them.
  const focused = useUi((u) => u.focus === 'notices' && u.overlay === null);
  const unread = useView((v) => v.notices.filter((n) => !n.read && n.priority !== 'popup').map((n) => n.id).join(' '));
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (!focused || !unread) return;
    const ids = unread.split(' ').filter((id) => !asked.current.has(id));
    if (!ids.length) return;
    for (const id of ids) asked.current.add(id);
    void s.client.readNotices(ids);
  }, [focused, unread, s]);
}
