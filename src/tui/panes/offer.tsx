// The offer: media, queue, customer preview (screen pop), whisper and the
// accept countdown, with the keys that answer it (reject only with the
// permission). A full block in the interaction pane, one line elsewhere.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { CustomerInfo, InteractionView } from '../../protocol/index.js';
import { Line, Segments } from '../components/line.js';
import { Countdown } from '../components/timer.js';
import { useServices, useUi, useView } from '../context.js';
import { keysLabel, resolvesTo, type CommandId } from '../keymap.js';
import { MEDIA_LABELS } from '../labels.js';
import { cellWidth } from '../text/width.js';
import { DETAIL_ROWS, wrapAtMost, wrapEach } from '../text/wrap.js';
import type { Role } from '../theme.js';
import { popLine } from '../crm/items.js';
import { screenOf } from '../ui-state.js';

/** Theme entry. */
const STYLE = { badge: 'accent', whisper: 'accent', keys: 'title', crm: 'success' } satisfies Record<string, Role>;
const TIMER_W = 6;

const CUSTOMER_FIELDS: readonly [keyof CustomerInfo, string][] = [
  ['name', ''], ['phone', ''], ['email', ''], ['account', 'acct '], ['caseNumber', 'case '], ['subject', 're: '],
];

/** "Lee · +1 555 0100 · acct 1234": the screen-pop preview on one line. */
export function customerLine(c: CustomerInfo): string {
  const parts = CUSTOMER_FIELDS.flatMap(([k, prefix]) => (c[k] ? [`${prefix}${c[k]}`] : []));
  return parts.length ? parts.join(' · ') : 'unknown customer';
}

export const interactionTitle = (i: InteractionView): string =>
  `${MEDIA_LABELS[i.media]} · ${i.queueName ?? (i.direct ? 'Direct call' : 'no queue')}`;

/** "Chat · Sales — Chat · Lucas Hansen": which interaction a sentence is about. */
export const workLabel = (w: InteractionView): string => `${interactionTitle(w)}${w.customer.name ? ` · ${w.customer.name}` : ''}`;

/** The offer's keys: its chords, which work from anywhere, and in the pane its letters while they answer it
 *  (focus there, not typing: a letter typed in a field is text). */
function useOfferKeys(inPane: boolean): string {
  const { keymap } = useServices();
  const screen = useUi(screenOf);
  const canReject = useView((v) => v.self?.permissions.includes('rejectOffers') ?? false);
  const keys = (pane: CommandId, anywhere: CommandId): string =>
    [inPane && resolvesTo(keymap, screen, pane) ? keysLabel(keymap, pane) : '', keysLabel(keymap, anywhere)].filter(Boolean).join(', ');
  const accept = `${keys('offerPane.accept', 'offer.accept')} accept`;
  return canReject ? `${accept}   ${keys('offerPane.reject', 'offer.reject')} reject` : accept;
}

/** The offer's details, each wrapped whole to the width (hostile lengths stop at DETAIL_ROWS). */
function offerDetails(offer: InteractionView, width: number): { text: string; role?: Role }[] {
  const pop = popLine(offer);
  const lines: { text: string; role?: Role }[] = [{ text: customerLine(offer.customer) }];
  if (pop) lines.push({ text: pop, role: STYLE.crm });
  if (offer.whisper) lines.push({ text: `Whisper: ${offer.whisper}`, role: STYLE.whisper });
  if (offer.chat?.customerAway) lines.push({ text: AWAY, role: 'warning' });
  return wrapEach(lines, width, DETAIL_ROWS);
}

export const OfferBlock = memo(function OfferBlock({ offer, width }: { offer: InteractionView; width: number }) {
  const offset = useView((v) => v.clockOffset);
  const keys = useOfferKeys(true);
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width}>
        <Segments parts={[{ text: 'OFFER  ', role: STYLE.badge }, { text: interactionTitle(offer) }]} width={width - TIMER_W} pad />
        {offer.offerDeadline !== undefined ? <Countdown deadline={offer.offerDeadline} offset={offset} width={TIMER_W} align="right" /> : null}
      </Box>
      {offerDetails(offer, width).map((l, i) => <Line key={i} text={l.text} width={width} {...(l.role ? { role: l.role } : {})} />)}
      <Text> </Text>
      <Line text={keys} width={width} role={STYLE.keys} />
    </Box>
  );
});

const AWAY = 'The customer dropped off; they may come back. Letting this offer run out costs you nothing.';

/** Height of OfferBlock for a given offer at this width (the pane budgets its rows). */
export const offerBlockHeight = (offer: InteractionView, width: number): number => 3 + offerDetails(offer, width).length;

/** What the offer banner says: the keys, then the offer (the customer is never cut off: more rows if need be). */
function stripText(offer: InteractionView, keys: string): { keys: string; what: string } {
  return { keys: `▶ OFFER ${keys}`, what: `${interactionTitle(offer)} · ${customerLine(offer.customer)}` };
}

/** The offer under the keys when both do not fit on one row: wrapped whole, indented. */
const stripLines = (what: string, width: number): string[] => wrapAtMost(what, width - 2, DETAIL_ROWS).map((l) => `  ${l}`);

/** Rows the banner takes at this width: one, or the keys and then the offer on the rows it takes. */
export function useOfferStripRows(width: number): number {
  const offer = useView((v) => v.offer);
  const keys = useOfferKeys(false);
  if (!offer) return 0;
  const t = stripText(offer, keys);
  return cellWidth(`${t.keys}  ${t.what}`) <= width - TIMER_W ? 1 : 1 + stripLines(t.what, width).length;
}

/** The offer banner for when the interaction pane is not on screen. */
export const OfferStrip = memo(function OfferStrip({ width }: { width: number }) {
  const offer = useView((v) => v.offer);
  const offset = useView((v) => v.clockOffset);
  const keys = useOfferKeys(false);
  const rows = useOfferStripRows(width);
  if (!offer) return null;
  const t = stripText(offer, keys);
  const timer = offer.offerDeadline !== undefined ? <Countdown deadline={offer.offerDeadline} offset={offset} width={TIMER_W} align="right" /> : null;
  if (rows === 1) {
    return (
      <Box width={width} height={1}>
        <Segments parts={[{ text: `${t.keys}  `, role: STYLE.keys }, { text: t.what }]} width={width - TIMER_W} pad />
        {timer}
      </Box>
    );
  }
  return (
    <Box width={width} height={rows} flexDirection="column">
      <Box width={width} height={1}>
        <Segments parts={[{ text: t.keys, role: STYLE.keys }]} width={width - TIMER_W} pad />
        {timer}
      </Box>
      {stripLines(t.what, width).map((l, i) => <Segments key={i} parts={[{ text: l }]} width={width} />)}
    </Box>
  );
});
