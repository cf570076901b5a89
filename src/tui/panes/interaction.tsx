// Interaction pane: the offer (when there is one), the interactions in
// progress with their timers (handling time, or wrap-up counting down, then
// up when mandatory codes are missing), and the selected one's customer and
// notes. Notes are edited here; typed text lives in the UI state.
import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import type { InteractionView } from '../../protocol/index.js';
import { CallBlock, callBlockHeight, phoneAlert } from '../call/call-block.js';
import { ChatArea, useShownChat } from '../chat/chat-area.js';
import { PaneFrame } from '../components/frame.js';
import { Line, Segments } from '../components/line.js';
import { Elapsed, WrapUpTimer } from '../components/timer.js';
import { useServices, useTheme, useUi, useView } from '../context.js';
import { keysLabel } from '../keymap.js';
import { fit } from '../text/fit.js';
import { normalizeWidth } from '../text/normalize.js';
import { DETAIL_ROWS, wrapAtMost, wrapToWidth } from '../text/wrap.js';
import { listWindow } from '../list-window.js';
import { textProps, type Role } from '../theme.js';
import { customerLine, interactionTitle, OfferBlock, offerBlockHeight } from './offer.js';
import { endedWords } from '../notes-keeper.js';
import { missingMandatory, selectedWork } from './work-state.js';

/** Theme entry. */
const STYLE = { heading: 'muted', selected: 'selection', wrapup: 'warning', notes: 'text', editing: 'accent', empty: 'muted', missing: 'danger' } satisfies Record<string, Role>;
const TIMER_W = 7;
const PHASE_W = 9;
/** Interactions listed above a chat shown (the chat takes the rest). */
const BESIDE_CHAT = 3;

const WorkRow = memo(function WorkRow({ w, selected, width, offset }: { w: InteractionView; selected: boolean; width: number; offset: number }) {
  const theme = useTheme();
  const role: Role = selected ? STYLE.selected : 'text';
  const wrapup = w.phase === 'wrapup';
  return (
    <Text {...textProps(theme, role)} wrap="truncate-end">
      {fit(`${selected ? '›' : ' '} ${interactionTitle(w)} · ${w.customer.name ?? customerLine(w.customer)}`, Math.max(0, width - PHASE_W - TIMER_W))}
      <Text {...(wrapup && !selected ? textProps(theme, STYLE.wrapup) : {})}>{fit(wrapup ? ' wrap-up' : ' active', PHASE_W)}</Text>
      {wrapup && w.wrapUpDeadline !== undefined
        ? <WrapUpTimer deadline={w.wrapUpDeadline} overdue={w.wrapUpOverdue} offset={offset} width={TIMER_W} align="right" />
        : <Elapsed at={w.acceptedAt ?? w.arrivedAt} offset={offset} width={TIMER_W} align="right" role={role} />}
    </Text>
  );
});

function notesLines(text: string, width: number, height: number, editing: boolean): string[] {
  if (height <= 0) return [];
  const lines = wrapToWidth(editing ? `${normalizeWidth(text)}▌` : text || '(no notes)', width);
  // While typing, show the end (where the cursor is); otherwise the start.
  return editing ? lines.slice(-height) : lines.slice(0, height);
}

export const InteractionPane = memo(function InteractionPane({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const { keymap } = useServices();
  const offer = useView((v) => v.offer);
  const work = useView((v) => v.work);
  const offset = useView((v) => v.clockOffset);
  const ui = useUi((u) => u.work);
  const editing = useUi((u) => u.text === 'notes');
  const innerW = width - 2;
  const innerH = height - 2;
  const sel = selectedWork(work, ui.selectedId);
  const typing = editing && sel !== null && ui.draft?.id === sel.id;
  const chatKey = useShownChat();
  const chatMode = chatKey !== null && !typing;
  // Beside a chat or the notes being typed, a few rows around the selected one (they need the room); the heading says so.
  const room = typing ? 1 : chatMode ? BESIDE_CHAT : work.length;
  const at = sel ? Math.max(0, work.indexOf(sel)) : 0;
  const win = listWindow(work.length, at, room);
  const listed = work.slice(win.start, win.end);
  const rows: ReactNode[] = [];
  // The agent's own phone trouble (connection dropped...): one line on top.
  const alertText = useView((v) => phoneAlert(v, keymap)?.text ?? null);
  const alertRole = useView((v) => phoneAlert(v, keymap)?.role ?? 'text');
  if (alertText) wrapAtMost(alertText, innerW, DETAIL_ROWS).forEach((l, i) => rows.push(<Line key={`phone-alert${i}`} text={l} width={innerW} role={alertRole} />));
  if (offer) rows.push(<OfferBlock key="offer" offer={offer} width={innerW} />);
  const used = offer ? offerBlockHeight(offer, innerW) : 0;
  if (work.length === 0) {
    if (!offer) rows.push(<Line key="empty" text="No interaction in progress. Offers appear here while you are Available." width={innerW} role={STYLE.empty} />);
  } else {
    const more = listed.length < work.length ? ` · ${listed.length} shown, ${keysLabel(keymap, 'list.up').split(', ')[0]}/${keysLabel(keymap, 'list.down').split(', ')[0]} for the others` : '';
    rows.push(<Line key="wh" text={`In progress (${work.length})${more}`} width={innerW} role={STYLE.heading} />);
    for (const w of listed) rows.push(<WorkRow key={w.id} w={w} selected={w === sel} width={innerW} offset={offset} />);
  }
  let left = innerH - used - (rows.length - (offer ? 1 : 0));
  const ended = editing ? ui.draft?.ended : undefined;
  if (ended !== undefined) {
    // The interaction whose notes are typed is over: the field stays, saying so, until Esc.
    const words = wrapToWidth(endedWords(ended, ui.draft!.text), innerW);
    words.forEach((l, i) => rows.push(<Line key={`e${i}`} text={l} width={innerW} role={STYLE.wrapup} />));
    notesLines(ui.draft!.text, innerW, left - words.length, true).forEach((l, i) =>
      rows.push(<Line key={`n${i}`} text={l} width={innerW} role={STYLE.editing} />));
  } else if (chatMode) {
    const missing = sel ? missingMandatory(sel) : [];
    if (missing.length && left > 6) {
      rows.push(<Line key="miss" text={`Codes needed: ${missing.map((l) => l.name).join(', ')} (${keysLabel(keymap, 'global.disposition')})`} width={innerW} role={STYLE.missing} />);
      left -= 1;
    }
    if (sel?.notes && left > 6) {
      rows.push(<Line key="notes" text={`Notes: ${sel.notes.split('\n')[0]}`} width={innerW} role="muted" />);
      left -= 1;
    }
    rows.push(<ChatArea key="chat" chatKey={chatKey} width={innerW} height={left} />);
  } else if (sel && left >= 3) {
    const missing = missingMandatory(sel);
    // The customer whole (an email's subject too), on as many rows as it takes.
    const customer = wrapAtMost(customerLine(sel.customer), innerW, DETAIL_ROWS).slice(0, Math.max(1, left - 2));
    customer.forEach((l, i) => rows.push(<Line key={`cust${i}`} text={l} width={innerW} />));
    left -= customer.length;
    const callH = callBlockHeight(sel, innerW, keymap);
    if (callH && left > callH + 1) {
      rows.push(<CallBlock key="call" w={sel} width={innerW} offset={offset} />);
      left -= callH;
    }
    if (missing.length && left > 2) {
      rows.push(<Line key="miss" text={`Codes needed: ${missing.map((l) => l.name).join(', ')} (${keysLabel(keymap, 'global.disposition')})`} width={innerW} role={STYLE.missing} />);
      left -= 1;
    }
    const draft = typing ? ui.draft!.text : null;
    const notesKeys = draft !== null ? `${keysLabel(keymap, 'notes.done')} saves` : `${keysLabel(keymap, 'work.notes')} to edit`;
    rows.push(<Segments key="nh" parts={[{ text: 'Notes ', role: draft !== null ? STYLE.editing : STYLE.heading }, { text: `(${notesKeys})`, role: 'muted' }]} width={innerW} />);
    left -= 1;
    notesLines(draft ?? sel.notes, innerW, left, draft !== null).forEach((l, i) =>
      rows.push(<Line key={`n${i}`} text={l} width={innerW} role={draft !== null ? STYLE.editing : STYLE.notes} />));
  }
  return (
    <PaneFrame pane="interaction" detail={offer ? 'offer' : work.length ? `${work.length} in progress` : ''} focused={focused} width={width} height={height}>
      <Box flexDirection="column" height={innerH} overflowY="hidden">{rows}</Box>
    </PaneFrame>
  );
});
