/**
 * End to end, the local CRM in a real console (tmux, a user's terminal)
 * against a server started here with the demo tenant, its CRM customers and
 * the simulated switch, on the system clock:
 *   - a known caller: the offer previews their record, accept pops it in the
 *     CRM pane; the agent types notes, hangs up, wraps up: the log is saved;
 *   - an unknown caller: the new customer's page at accept; in wrap-up the
 *     agent completes the prefilled form and saves it;
 *   - the server restarts on the same database; the console comes back; a
 *     search as you type finds both customers, and the known one's case
 *     holds the call log with the agent's notes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoCrm } from '../../src/cli/demo/crm-seed.js';
import { DEMO_CUSTOMERS } from '../../src/cli/demo/people.js';
import { attachTelephony, loadTenantFile, openEngine, SimulatedSwitch, SystemClock, type Engine } from '../../src/engine/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { Tmux } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'ac-e2e-crm-'));
const dbFile = join(dir, 'cc.db');
const tenant = loadTenantFile('fixtures/demo-tenant.json');
/** E2E_DUMP=1 prints each checked screen. */
const dump = (label: string, screen: string): void => {
  if (process.env.E2E_DUMP) console.log(`---- ${label}\n${screen}`);
};

interface Stack {
  engine: Engine;
  server: RunningServer;
  sw: SimulatedSwitch;
  stop(): Promise<void>;
}

/** Engine, switch and server on the database; `port`: the one the console knows (a restart). */
async function start(port = 0): Promise<Stack> {
  const clock = new SystemClock();
  const engine = openEngine({ tenant, dbFile, clock });
  const sw = new SimulatedSwitch(clock);
  const telephony = attachTelephony(engine, sw);
  const server = await startServer({ engine, host: '127.0.0.1', port });
  return {
    engine, server, sw,
    stop: async () => {
      telephony.detach();
      await server.close();
      engine.close();
    },
  };
}

let stack: Stack | undefined;
let console_: Tmux | undefined;
afterAll(async () => {
  console_?.kill();
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Wraps up the selected interaction: picks the first code when the queue asks for one. */
async function wrapUp(t: Tmux): Promise<void> {
  t.keys('1', 'w');
  const s = await t.waitFor((x) => /● Available/.test(x) || /Codes needed|required/.test(x), 'wrap-up answered');
  if (/● Available/.test(s)) return;
  t.keys('d');
  await t.waitFor(/\[ \]/, 'codes');
  t.keys('Enter');
  await t.waitFor(/\[x\]/, 'code chosen');
  t.keys('w');
  await t.waitFor(/● Available/, 'Available after wrap-up');
}

describe.skipIf(!hasTmux)('the CRM in a real console', () => {
  it('screen pop at accept, notes on the log, a new customer in wrap-up, both found after a server restart', async () => {
    stack = await start();
    const importer = [...tenant.agents.values()].find((a) => a.permissions.crmImport)!;
    seedDemoCrm(stack.engine, importer.id, 'ana');
    const port = Number(new URL(stack.server.url).port);
    const known = DEMO_CUSTOMERS[1]!;
    const knownName = `${known.firstName} ${known.lastName}`;
    // Hostile text in a record: a title change and a screen clear hidden in the notes.
    const hostile = stack.engine.execute({ type: 'crm_update_customer', agentId: importer.id, customerId: 'CUS-000002', changes: { notes: 'VIP\x1b]0;pwned\x07\x1b[2J caller' } });
    expect(hostile.ok).toBe(true);

    const t = (console_ = new Tmux(['node', 'bin/agent-console', '--server', stack.server.url, '--agent', 'ana'], {
      cols: 120,
      rows: 32,
      cwd: process.cwd(),
      env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(dir, 'conf'), AGENT_CONSOLE_DATA_DIR: join(dir, 'data') },
    }));
    const bytesFile = join(dir, 'bytes.log');
    t.recordBytes(bytesFile);
    await t.waitFor(/Ana L\..*On Break/, 'Ana logged in', 20_000);
    t.keys('s', 'Enter');
    await t.waitFor(/Ana L\..*● Available/, 'Ana Available');

    // A known caller: the offer previews the record; accept pops it.
    stack.sw.incomingCall({ from: known.phone, queueId: 'support-phone', name: knownName });
    let s = await t.waitFor(/OFFER/, 'the offer');
    expect(s).toContain(`CRM: ${knownName}`);
    dump('offer', s);
    t.keys('a');
    s = await t.waitFor(new RegExp(`6 CRM · Customer[\\s\\S]*${knownName}.*CUS-000002`), 'the record popped at accept');
    expect(s).toMatch(/Call · connected/);
    expect(s).toMatch(/VIP.*caller/);
    dump('popped', s);
    // What reached the terminal: the notes, never their escape sequences.
    const bytes = readFileSync(bytesFile, 'latin1');
    expect(bytes).toContain('VIP');
    expect(bytes).not.toContain('\x1b]0;pwned');

    // Notes, hang up, wrap up: the log is saved on a case of theirs.
    t.keys('1', 'n');
    await t.waitFor(/Notes[\s\S]*▌/, 'notes field');
    t.type('Wants the Pro plan from May');
    t.keys('Escape');
    await t.waitFor((x) => !/Notes.*▌/.test(x), 'notes saved');
    t.keys('e');
    await t.waitFor(/wrap-up/i, 'wrap-up');
    await wrapUp(t);
    // The pane shows the case the log went on, the notes in its history.
    s = await t.waitFor(new RegExp(`6 CRM · Case[\\s\\S]*CAS-\\d{6} · Inbound call from ${knownName}[\\s\\S]*phone log · inbound[\\s\\S]*Wants the Pro plan from May`), 'the log saved');
    dump('logged', s);
    const knownCase = /(CAS-\d{6}) · Inbound call/.exec(s)![1]!;

    // An unknown caller: the new customer's page at accept, completed in wrap-up.
    stack.sw.incomingCall({ from: '+1 415 555 0199', queueId: 'support-phone', name: 'Sam Stranger' });
    s = await t.waitFor(/OFFER/, 'the second offer');
    expect(s).toContain('CRM: new customer');
    // Ctrl-Y accepts from any pane (the CRM pane has the focus since the log showed).
    t.keys('C-y');
    s = await t.waitFor(/6 CRM · New customer/, 'the new customer page');
    expect(s).toMatch(/Sam Stranger is not in the CRM\./);
    dump('unknown', s);
    t.keys('e');
    s = await t.waitFor(/is not in the CRM yet: 6 then n completes the record/, 'the reminder in wrap-up');
    t.keys('6', 'n');
    s = await t.waitFor(/─ New customer[\s\S]*First name +Sam▌[\s\S]*Last name +Stranger[\s\S]*Phones +\+14155550199/, 'the prefilled form');
    dump('form', s);
    t.type('uel');
    t.keys('C-s');
    await t.waitFor(/Samuel Stranger/, 'the new customer saved');
    await wrapUp(t);

    // The server restarts on the same database; the console reconnects by itself.
    await stack.stop();
    stack = undefined;
    await t.waitFor((x) => !/online/.test(x.split('\n')[0]!), 'the console sees the server gone', 20_000);
    stack = await start(port);
    await t.waitFor((x) => /online/.test(x.split('\n')[0]!), 'the console back online', 30_000);

    // Search as you type: both customers; the known one's case holds the notes.
    t.keys('C');
    await t.waitFor(/6 CRM · Search/, 'the search field');
    t.type('strang');
    s = await t.waitFor(/Samuel Stranger/, 'the new customer found');
    dump('search 1', s);
    t.keys(...Array<string>(6).fill('BSpace'));
    await t.waitFor(/\/ ▌/, 'the search field emptied');
    t.type(known.lastName.slice(0, 4).toLowerCase());
    await t.waitFor(new RegExp(knownName), 'the known customer found');
    // By account: the customer alone, the case with the log among their cases.
    t.keys(...Array<string>(4).fill('BSpace'));
    await t.waitFor(/\/ ▌/, 'the search field emptied');
    t.type(known.account);
    // The answer to the whole account (one customer), not to a prefix typed on the way.
    const oneCustomer = (x: string) => (x.match(/\+\d{11} · \d+ open/g) ?? []).length === 1;
    s = await t.waitFor((x) => x.includes(`/ ${known.account}▌`) && x.includes(knownName) && oneCustomer(x), 'found by account');
    dump('search 2', s);
    t.keys('Enter');
    await t.waitFor(/Enter Open/, 'the results');
    t.keys('Enter');
    s = await t.waitFor(new RegExp(`6 CRM · Customer[\\s\\S]*${knownName}[\\s\\S]*${knownCase}`), 'the record with the case');
    t.keys('Enter');
    s = await t.waitFor(/History/, 'the case');
    dump('case', s);
    expect(s).toContain(knownCase);
    expect(s).toMatch(/Ana L\. · phone log · inbound[\s\S]*Wants the Pro plan from May/);
  }, 180_000);
});
