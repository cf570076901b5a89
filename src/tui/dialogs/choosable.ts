// Whether Enter ("Choose") in the open dialog would pick something now: the
// item under the cursor exists and is not greyed as refused. The footer and
// help offer Enter only then (when.ts: choosable); Enter anyway still says why.
// Dialogs not listed here always take Enter (a form's next field, a typed
// number checked on Enter, a confirmation).
import { phoneItems, transferItems } from '../call/items.js';
import { faqMatches } from '../chat/faq.js';
import { transferQueues } from '../chat/lists.js';
import { colleagueChatRefusal } from '../chat/colleague-reach.js';
import { clampCursor } from '../list-window.js';
import type { SafeView } from '../safe-view.js';
import type { Overlay } from '../ui-state.js';
import { quitItems, rejectItems, statusItems } from './items.js';

type Kind = Overlay['kind'];
type Of<K extends Kind> = Extract<Overlay, { kind: K }>;

/** The item under a cursor, if the list has one. */
const at = <T,>(list: readonly T[], cursor: number): T | undefined => list[clampCursor(cursor, list.length)];
/** An item under the cursor that is not greyed. */
const enabled = (item: { disabled?: string | undefined } | undefined): boolean => item !== undefined && item.disabled === undefined;

const CHOOSABLE: { [K in Kind]?: (v: SafeView, o: Of<K>) => boolean } = {
  status: (v, o) => {
    const item = at(statusItems(v, o), o.cursor);
    return item !== undefined && (item.kind === 'code' || item.disabled === undefined);
  },
  quit: (v, o) => enabled(at(quitItems(v), o.cursor)),
  rejectOffer: (v, o) => enabled(at(rejectItems(v, o.offerId), o.cursor)),
  callTransfer: (v, o) => (o.tab === 'external' ? o.number.trim() !== '' : enabled(at(transferItems(v, o, 0), o.cursor))),
  faq: (v, o) => faqMatches(v.faq, o.query).length > 0,
  chatTransfer: (_v, o) => o.queues !== null && (o.step !== 'pick' || transferQueues(o).length > 0),
  history: (_v, o) => o.opened === null && (o.entries?.length ?? 0) > 0,
  keypad: (_v, o) => o.digits !== '',
  dial: (_v, o) => o.number.trim() !== '',
  phone: (v, o) => enabled(at(phoneItems(v), o.cursor)),
  noticeCompose: (_v, o) => o.text.trim() !== '',
  recordings: (v) => (v.self?.phone?.recordings.length ?? 0) > 0,
  directory: (v, o) => {
    const entry = at(o.result?.entries ?? [], o.cursor);
    return entry !== undefined && entry.canChat && colleagueChatRefusal(v, entry.id) === undefined;
  },
};

/** Whether Enter picks something in `overlay` now. */
export function choosable(v: SafeView, overlay: Overlay | null): boolean {
  if (!overlay) return false;
  const check = CHOOSABLE[overlay.kind] as ((v: SafeView, o: Overlay) => boolean) | undefined;
  return check ? check(v, overlay) : true;
}
