// The persistent voice connection from the console: dialed at login, the PIN
// entered in Phone settings (wrong PINs counted), a drop shown atop the
// interaction pane with "Retry to connect". Real server, engine and
// simulated switch on loopback, virtual clock.
import { describe, expect, it } from 'vitest';
import { KEY } from '../helpers/render.js';
import { callSession, shows } from './session.js';

const s = callSession();
const ana = () => s.rig.clients.ana!;
const ANA_PHONE = '+15105550110';

/** Ana's tenant entry: a workplace phone and a persistent connection. */
const persistent = {
  tenant: (t: { agents: { id: string; phone?: unknown }[] }) => {
    t.agents.find((a) => a.id === 'ana')!.phone = { workplacePhone: '510-555-0110', connectionMode: 'persistent' };
  },
};

describe('persistent voice connection in the console', () => {
  it('dialed at login; the PIN is asked for, wrong ones counted; a drop offers Retry to connect', async () => {
    const h = await s.open(['ana'], persistent as never);
    // Logging in dialed the workplace phone.
    await s.settleOn(ana(), (v) => v.self?.phone?.voice === 'calling', 'calling my phone');
    expect(h.frame()).toContain(`Calling ${ANA_PHONE} for your voice connection`);
    s.rig.clock.advance(3_500); // the phone answers; the PIN is played
    await s.settleOn(ana(), (v) => v.self?.phone?.voice === 'pin_sent', 'PIN played');
    expect(h.frame()).toMatch(/Enter the PIN you heard on your phone \(Shift-P/);

    await h.press('P');
    expect(h.frame()).toMatch(/Phone settings[\s\S]*Connection: Persistent \(one connection for the day\) · enter the PIN you heard[\s\S]*› Enter the PIN you heard \(connection\)/);
    await h.press(KEY.enter);
    const pin = s.rig.sw.lastPinTo(ANA_PHONE)!;
    const wrong = pin === '1234' ? '4321' : '1234';
    await h.type(wrong);
    await h.press(KEY.enter);
    await shows(h, 'Wrong PIN: enter the 4 digits you heard (2 tries left).');
    for (let i = 0; i < 4; i++) await h.press(KEY.backspace);
    await h.type(pin);
    await h.press(KEY.enter);
    await s.settleOn(ana(), (v) => v.self?.phone?.voice === 'connected', 'connected');
    await shows(h, /Phone settings[\s\S]*Connection: Persistent \(one connection for the day\) · connected/);
    await h.press(KEY.esc);

    // The line drops: said atop the interaction pane; Retry to connect calls again.
    s.rig.sw.hangUp(s.rig.sw.legsOf(ANA_PHONE)[0]!.id);
    await s.settleOn(ana(), (v) => v.self?.phone?.voice === 'off', 'dropped');
    expect(h.frame()).toContain('Phone connection dropped: Your phone hung up. (Shift-P: Retry to connect)');
    await h.press('P');
    expect(h.frame()).toMatch(/Connection dropped: Your phone hung up\. Retry to connect\.[\s\S]*› Retry to connect/);
    await h.press(KEY.enter);
    await s.settleOn(ana(), (v) => v.self?.phone?.voice === 'calling', 'calling again');
    s.rig.clock.advance(3_500);
    await s.settleOn(ana(), (v) => v.self?.phone?.voice === 'pin_sent', 'new PIN played');
    const again = s.rig.sw.lastPinTo(ANA_PHONE)!;
    // Three wrong PINs cancel the attempt; the dialog says how to get a new one.
    await h.press(KEY.enter); // the first item is now "Enter the PIN you heard"
    const bad = again === '1234' ? '4321' : '1234';
    for (let n = 0; n < 3; n++) {
      for (let i = 0; n > 0 && i < 4; i++) await h.press(KEY.backspace);
      await h.type(bad);
      await h.press(KEY.enter);
      await shows(h, n < 2 ? `(${2 - n} ${n === 1 ? 'try' : 'tries'} left)` : 'Wrong PIN too many times');
    }
    await s.settleOn(ana(), (v) => v.self?.phone?.voice === 'off', 'attempt cancelled');
    await shows(h, 'Wrong PIN too many times: retry to connect for a new PIN call.');
    await h.press(KEY.esc);
    expect(h.frame()).toMatch(/Connection dropped: Wrong PIN too many times\. Retry to connect\.[\s\S]*› Retry to connect/);
  });
});
