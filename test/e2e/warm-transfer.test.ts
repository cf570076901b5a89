/**
 * End to end, a warm transfer between two consoles: the real binary twice, in
 * two real pseudo-terminals (tmux), against a server started here with the
 * demo tenant and the simulated switch (as `agent-console demo` does, on the
 * system clock). A call arrives; Ana accepts it (the queue's whisper shows),
 * consults Benjamin from the transfer dialog, Benjamin accepts the
 * consultation, Ana completes; Ana wraps up, Benjamin has the customer.
 * Both screens are checked at each step.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachTelephony, loadTenantFile, openEngine, SimulatedSwitch, SystemClock, type Engine } from '../../src/engine/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { Tmux } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let dir: string;
let engine: Engine | undefined;
let server: RunningServer | undefined;
let sw: SimulatedSwitch;
let detach: (() => void) | undefined;
const consoles: Tmux[] = [];
/** E2E_DUMP=1 prints each checked screen (to see what the agents saw). */
const dump = (label: string, screen: string): void => {
  if (process.env.E2E_DUMP) console.log(`---- ${label}\n${screen}`);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ac-e2e-call-'));
  const clock = new SystemClock();
  engine = openEngine({ tenant: loadTenantFile('fixtures/demo-tenant.json'), dbFile: join(dir, 'cc.db'), clock });
  sw = new SimulatedSwitch(clock);
  const telephony = attachTelephony(engine, sw);
  detach = () => telephony.detach();
  server = await startServer({ engine, host: '127.0.0.1', port: 0 });
}, 30_000);

afterAll(async () => {
  for (const t of consoles) t.kill();
  detach?.();
  await server?.close();
  engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

function openConsole(agent: string): Tmux {
  const t = new Tmux(['node', 'bin/agent-console', '--server', server!.url, '--agent', agent], {
    cols: 100,
    rows: 30,
    cwd: process.cwd(),
    env: {
      AGENT_CONSOLE_PASSWORD: 'demo',
      AGENT_CONSOLE_CONFIG_DIR: join(dir, `conf-${agent}`),
      AGENT_CONSOLE_DATA_DIR: join(dir, `data-${agent}`),
    },
  });
  consoles.push(t);
  return t;
}

describe.skipIf(!hasTmux)('a warm transfer between two real consoles', () => {
  it('call → accept (whisper) → consult Benjamin → he accepts → complete → wrap-up', async () => {
    const ana = openConsole('ana');
    const ben = openConsole('ben');
    await ana.waitFor(/Ana L\..*On Break/, 'Ana logged in', 20_000);
    await ben.waitFor(/Benjamin O\..*On Break/, 'Benjamin logged in', 20_000);

    // Ana takes calls; Benjamin works offline (reachable for a consultation, not offered the call).
    // Ana: "s" and Enter in one send-keys, so they reach the console together (one
    // read, "s\r"), as keys typed ahead of a busy console do; each must still act.
    ana.keys('s', 'Enter');
    await ana.waitFor(/Ana L\..*● Available/, 'Ana Available');
    ben.keys('s');
    // The dialog's title: "s Change status" is also in the key hints of every pane.
    await ben.waitFor(/─ Change status/, 'status menu');
    ben.keys('j');
    await ben.waitFor(/› Working Offline/, 'Working Offline under the cursor');
    ben.keys('Enter');
    await ben.waitFor(/Reason for Working Offline/, 'reason');
    ben.keys('Enter');
    await ben.waitFor(/Benjamin O\..*● Working Offline/, 'Benjamin Working Offline');

    sw.incomingCall({ from: '+15105551234', queueId: 'support-phone', name: 'Lee Caller' });
    let a = await ana.waitFor(/OFFER/, 'the call offered to Ana');
    expect(a).toMatch(/Lee Caller/);
    expect(a).toMatch(/Whisper: Support line: verify the account PIN first\./);
    expect(ben.screen()).not.toMatch(/OFFER/);

    ana.keys('a');
    a = await ana.waitFor(/Call · connected/, 'Ana on the call');
    expect(a).toMatch(/Ana L\..*● Busy/);
    expect(a).toMatch(/Whisper: Support line: verify the account PIN first\./);
    expect(a).toMatch(/\d:\d\d/);

    ana.keys('t');
    a = await ana.waitFor(/Transfer call/, 'the transfer dialog');
    expect(a).toMatch(/\[Agents\]\s+Queues\s+External number/);
    ana.type('Benj');
    a = await ana.waitFor(/› Benjamin O\. · support\s+Working Offline/, 'Benjamin found, with his status');
    dump('transfer dialog', a);
    ana.keys('Enter');
    a = await ana.waitFor(/Consulting Benjamin O\./, 'consulting');
    expect(a).toMatch(/ON HOLD/);

    let b = await ben.waitFor(/OFFER/, 'the consultation offered to Benjamin');
    expect(b).toMatch(/Lee Caller/);
    ben.keys('a');
    b = await ben.waitFor(/Call · connected · participant/, 'Benjamin on the consultation');
    dump('ben consult', b);
    a = await ana.waitFor(/Consulting Benjamin O\.: on the line/, 'Ana sees Benjamin on the line');
    dump('ana consult', a);
    expect(a).toMatch(/ON HOLD/);

    ana.keys('f');
    a = await ana.waitFor(/transferred to Benjamin O\./i, 'Ana: transferred');
    dump('ana transferred', a);
    expect(a).toMatch(/wrap-up/);
    b = await ben.waitFor((s) => /Call · connected/.test(s) && !/participant/.test(s) && !/ON HOLD/.test(s), 'Benjamin hosts the call, the customer back');
    dump('ben host', b);
    expect(b).toMatch(/Benjamin O\..*● Busy/);
    expect(b).toMatch(/Lee Caller/);

    // Ana wraps up (the demo's phone queues need a contact reason first? then pick it).
    ana.keys('w');
    a = await ana.waitFor((s) => /● Available/.test(s) || /Codes needed/.test(s) || /required/.test(s), 'wrap-up answered');
    if (!/● Available/.test(a)) {
      ana.keys('d');
      await ana.waitFor(/\[ \]/, 'codes');
      ana.keys('Enter');
      await ana.waitFor(/\[x\]/, 'code chosen');
      ana.keys('w');
    }
    // The screen settles: Available, the call gone from every pane.
    a = await ana.waitFor((x) => /Ana L\..*● Available/.test(x) && !/Lee Caller/.test(x), 'Ana Available again, the call gone');
    expect(ben.screen()).toMatch(/Lee Caller/);
  }, 120_000);
});
