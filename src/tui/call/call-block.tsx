// The selected interaction's call, drawn in the interaction pane under the
// customer line: state and call timer (shared clock), muted / on hold /
// recording flags, the queue's whisper, the consultation in progress, the
// conference, and the last notice (a failed transfer comes back here), each
// wrapped whole.
import { Box } from 'ink';
import { memo } from 'react';
import type { CallView, InteractionView, PhoneSelfView } from '../../protocol/index.js';
import { Line, Segments, type Segment } from '../components/line.js';
import { Elapsed } from '../components/timer.js';
import { useServices } from '../context.js';
import { keysLabel, type Keymap } from '../keymap.js';
import { DETAIL_ROWS, wrapEach } from '../text/wrap.js';
import type { Role } from '../theme.js';

/** Theme entry. */
const STYLE = { state: 'title', flag: 'warning', rec: 'danger', whisper: 'accent', consult: 'accent', muted: 'muted' } satisfies Record<string, Role>;
const TIMER_W = 7;

const STATE_LABELS: Record<CallView['state'], string> = {
  waiting: 'waiting', connecting: 'connecting', dialing: 'dialing', connected: 'connected', ended: 'ended',
};
const LEG_LABELS = { offered: 'offered', ringing: 'ringing', connected: 'on the line' } as const;
const NOTICE_ROLES = { info: 'muted', warning: 'warning', error: 'danger' } as const satisfies Record<string, Role>;

function consultLine(c: NonNullable<CallView['consult']>, keymap: Keymap, role: CallView['role']): string {
  // A consulted colleague sees the consultation from the other side: the host decides.
  if (role === 'participant') return c.purpose === 'conference' ? 'Invited to join the conference.' : 'Consultation: the host may transfer the call to you.';
  const who = 'agentId' in c.target ? c.target.displayName : c.target.number;
  const what = c.purpose === 'conference' ? 'Inviting' : c.blind ? 'Transferring (cold) to' : 'Consulting';
  const next = c.blind ? '' : ` · ${keysLabel(keymap, 'call.complete')} ${c.purpose === 'conference' ? 'merge' : 'complete'}, ${keysLabel(keymap, 'call.cancel')} back`;
  return `${what} ${who}: ${LEG_LABELS[c.state]}${next}`;
}

/** The lines under the call's state: whisper, consultation, conference, the last notice. */
function detailLines(c: CallView, keymap: Keymap): { text: string; role?: Role }[] {
  const others = c.participants.filter((p) => !p.me && p.party !== 'customer');
  const lines: { text: string; role?: Role }[] = [];
  if (c.whisper && c.state !== 'ended') lines.push({ text: `Whisper: ${c.whisper}`, role: STYLE.whisper });
  if (c.consult) lines.push({ text: consultLine(c.consult, keymap, c.role), role: STYLE.consult });
  if (c.conference) lines.push({ text: `Conference: ${others.map((p) => p.displayName ?? p.number ?? p.party).join(', ')} (${keysLabel(keymap, 'call.participants')} participants)` });
  if (c.notice) lines.push({ text: c.notice.text, role: NOTICE_ROLES[c.notice.level] });
  return lines;
}

/** The details wrapped whole to the width (at most DETAIL_ROWS rows each). */
const wrappedDetails = (c: CallView, keymap: Keymap, width: number) => wrapEach(detailLines(c, keymap), width, DETAIL_ROWS);

/** Lines the block takes (the pane budgets its rows). */
export function callBlockHeight(w: InteractionView, width: number, keymap: Keymap): number {
  return w.call ? 1 + wrappedDetails(w.call, keymap, width).length : 0;
}

export const CallBlock = memo(function CallBlock({ w, width, offset }: { w: InteractionView; width: number; offset: number }) {
  const { keymap } = useServices();
  const c = w.call;
  if (!c) return null;
  const me = c.participants.find((p) => p.me);
  const head: Segment[] = [
    { text: c.kind === 'voicemail' ? 'Voicemail' : c.direction === 'outbound' ? 'Outbound call' : 'Call', role: STYLE.state },
    { text: ` · ${STATE_LABELS[c.state]}` },
  ];
  if (c.role === 'participant' && c.state !== 'ended') head.push({ text: ' · participant', role: STYLE.muted });
  if (c.muted) head.push({ text: ' · MUTED', role: STYLE.flag });
  if (c.held) head.push({ text: ' · ON HOLD', role: STYLE.flag });
  if (c.participants.some((p) => p.party === 'customer' && p.farHeld)) head.push({ text: ' · caller holds', role: STYLE.flag });
  if (c.recording === 'on') head.push({ text: ' · ● REC', role: STYLE.rec });
  if (c.recording === 'paused') head.push({ text: ' · REC paused', role: STYLE.flag });
  if (c.voicemailEmailed) head.push({ text: ' · emailed', role: STYLE.muted });
  if (c.dtmf) head.push({ text: ` · keys ${c.dtmf}`, role: STYLE.muted });
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width}>
        <Segments parts={head} width={width - TIMER_W} pad />
        {c.state !== 'ended'
          ? <Elapsed at={me?.since ?? w.acceptedAt ?? w.arrivedAt} offset={offset} width={TIMER_W} align="right" />
          : null}
      </Box>
      {wrappedDetails(c, keymap, width).map((l, i) => <Line key={i} text={l.text} width={width} {...(l.role ? { role: l.role } : {})} />)}
    </Box>
  );
});

/** The agent's own phone, when it needs them (persistent connection dropped,
 *  their phone ringing for it, a PIN to enter, a workplace PIN call failed):
 *  one line atop the interaction pane. */
export function phoneAlert(v: { self?: { phone?: PhoneSelfView } | null }, keymap: Keymap): { text: string; role: Role } | null {
  const p = v.self?.phone;
  const settings = keysLabel(keymap, 'global.phone');
  if (p?.voiceDropped) return { text: `Phone connection dropped: ${p.voiceDropped} (${settings}: Retry to connect)`, role: 'danger' };
  if (p?.voice === 'pin_sent' || p?.pendingWorkplace?.state === 'pin_sent')
    return { text: `Enter the PIN you heard on your phone (${settings}: Phone settings)`, role: 'warning' };
  if (p?.voice === 'calling') return { text: `Calling ${p.workplace?.value ?? 'your phone'} for your voice connection: answer it.`, role: 'warning' };
  if (p?.notice && p.notice.level !== 'info') return { text: p.notice.text, role: NOTICE_ROLES[p.notice.level] };
  return null;
}
