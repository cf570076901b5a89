// Broadcast notices between two consoles on loopback (real server and
// engine): a supervisor sends a pop-up to one of her groups — it blocks the
// agent's console until OK, then the agent's dialog comes back; unread
// notices are counted in the status bar and read in the Notices pane; a
// platform change shows a red bar until read.
import { describe, expect, it } from 'vitest';
import { until } from '../helpers/loopback.js';
import { KEY } from '../helpers/render.js';
import { callSession, shows } from '../call/session.js';

const s = callSession();

describe('notices on loopback', () => {
  it('a pop-up blocks the console until OK; counted, read in the pane; the platform bar', async () => {
    const h = await s.open(['ana', 'kate']);
    const kh = await s.consoleOf('kate');
    const ana = s.rig.clients.ana!;
    await h.press('s'); // Ana is in the status menu when the pop-up comes
    expect(h.frame()).toContain('Change status');

    // On Break (her login's status) Kate cannot send notices: she gets ready first.
    expect((await s.rig.clients.kate!.setStatus('available')).ok).toBe(true);
    await s.settleOn(s.rig.clients.kate!, (v) => v.self?.status === 'available', 'kate available');
    await kh.press('N');
    await kh.type('Outage: stop taking calls');
    await kh.press(KEY.tab, KEY.tab, KEY.tab);
    expect(kh.frame()).toContain('Priority: Pop-up');
    expect(kh.frame()).toMatch(/To: All my groups \(Support, Billing\)[\s\S]*› \[x\] Support[\s\S]*\[x\] Billing/);
    await kh.press(KEY.down, KEY.ctrl('g')); // Billing left out
    expect(kh.frame()).toContain('To: Support (');
    await kh.press(KEY.enter);
    await shows(kh, 'Notice sent to Support.');

    await s.settleOn(ana, (v) => v.notices.length === 1, 'pop-up received');
    expect(h.frame()).toMatch(/Notice — acknowledge to continue[\s\S]*Pop-up · Kate S\. → Support · \d\d:\d\d[\s\S]*Outage: stop taking calls[\s\S]*Enter: OK/);
    await h.press('3', 'q', KEY.esc, 'j');
    expect(h.frame()).toContain('Notice — acknowledge to continue'); // nothing else acts
    await h.press(KEY.enter);
    await s.settleOn(ana, (v) => v.notices[0]!.read, 'acknowledged');
    await shows(h, 'Change status'); // her menu is back as she left it
    await h.press(KEY.esc);

    // Kate to all her groups, high: counted, in red, until read in the pane.
    expect((await s.rig.clients.kate!.broadcastNotice('Team meeting at 3 pm', 'high')).ok).toBe(true);
    await s.settleOn(ana, (v) => v.notices.length === 2, 'second notice');
    expect(h.frame()).toContain('notices 1');
    expect(s.rig.engine.execute({ type: 'platform_notice', text: 'Platform change tonight: log out and in at 22:00.' }).ok).toBe(true);
    await s.settleOn(ana, (v) => v.notices.length === 3, 'platform notice');
    expect(h.frame()).toMatch(/notices 2[\s\S]*⚠ Platform change: Platform change tonight: log out and in at 22:00\. \(5: Notices\)/);

    await h.press('5');
    await s.settleOn(ana, (v) => v.notices.every((n) => n.read), 'all read');
    expect(h.frame()).toMatch(/5 Notices[\s\S]*Platform: Platform change tonight[\s\S]*Kate S\.: Team meeting at 3 pm[\s\S]*Kate S\.: Outage: stop taking calls/);
    expect(h.frame()).toContain('notices 0');
    expect(h.frame()).not.toContain('⚠ Platform change');
    await h.press(KEY.enter);
    expect(h.frame()).toMatch(/Notice[\s\S]*High · Platform → Sales, Support, Billing/);

    // Kate's own notices are read for her; the other group's agents got nothing.
    expect(s.rig.clients.kate!.getView().notices.filter((n) => n.from === 'kate').every((n) => n.read)).toBe(true);
    await until(ana, (v) => v.notices.length === 3);
  });
});
