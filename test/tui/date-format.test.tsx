// Every date the console shows is in the agent's date format: the tenant's
// default, the agent's profile in the tenant file, or their own setting
// (config dateFormat), which wins. Today's items show a time of day only.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallHistoryEntry, DateFormat } from '../../src/protocol/index.js';
import { makeView, NOW } from './helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';
import { notice, noticesView } from './notices/fixtures.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

const DAY = 24 * 3_600_000;
const local = (ts: number) => {
  const d = new Date(ts);
  const p = (n: number) => String(n).padStart(2, '0');
  return { y: String(d.getFullYear()), m: p(d.getMonth() + 1), d: p(d.getDate()), hm: `${p(d.getHours())}:${p(d.getMinutes())}` };
};
const older = NOW - 3 * DAY;
const t = local(older);
const WRITTEN: Record<DateFormat, string> = { iso: `${t.y}-${t.m}-${t.d} ${t.hm}`, us: `${t.m}/${t.d}/${t.y} ${t.hm}`, eu: `${t.d}/${t.m}/${t.y} ${t.hm}` };

const view = (profile: DateFormat) => {
  const v = noticesView([notice('N-1', { at: older, text: 'Quarter close' })]);
  return { ...v, self: { ...v.self!, dateFormat: profile } };
};

describe("the agent's date format", () => {
  it.each(['iso', 'us', 'eu'] as const)('%s from the profile: the Notices pane and a notice opened whole', async (format) => {
    h = await renderConsole({ view: view(format) });
    await h.press('5');
    expect(h.frame()).toContain(`${WRITTEN[format]} Kate S.: Quarter close`);
    await h.press(KEY.enter);
    expect(h.frame()).toMatch(new RegExp(`Low · Kate S\\. → Support · ${WRITTEN[format].replace(/[/.]/g, '\\$&')}`));
  });

  it("the agent's own setting wins over the profile", async () => {
    h = await renderConsole({ view: view('iso'), dateFormat: 'eu' });
    await h.press('5');
    expect(h.frame()).toContain(`${WRITTEN.eu} Kate S.: Quarter close`);
    expect(h.frame()).not.toContain(WRITTEN.iso);
  });

  it('the dial dialog recalls numbers with their date in the format; today only the time', async () => {
    const calls: CallHistoryEntry[] = [
      { interactionId: 'IX-2', direction: 'inbound', kind: 'call', number: '+15105550111', name: 'Lee', at: NOW - 60_000 },
      { interactionId: 'IX-1', direction: 'outbound', kind: 'call', number: '+15105550122', at: older },
    ];
    const v = makeView({ self: { ...makeView().self!, dateFormat: 'us', phone: { mode: 'on_demand', voice: 'off', recordings: [], outboundCodes: [] } as never } });
    h = await renderConsole({ view: v });
    h.fake!.answerOnce('callHistory', { ok: true, calls });
    await h.press('D');
    const f = h.frame();
    expect(f).toContain(`← +15105550111 Lee · ${local(NOW - 60_000).hm}`);
    expect(f).toContain(`→ +15105550122 · ${WRITTEN.us}`);
  });
});
