// One phone loopback and its consoles per test, torn down after each, with
// the steps the call tests share: wait until the engine has told a client
// something and the consoles have drawn it; start on a connected call.
import { afterEach, expect } from 'vitest';
import type { AgentView, EngineClient } from '../../../src/client/index.js';
import type { TenantConfig } from '../../../src/engine/index.js';
import { until } from '../helpers/loopback.js';
import { KEY, renderConsole, waitFor, type ConsoleHarness } from '../helpers/render.js';
import { phoneLoopback, type PhoneLoopback } from './loopback.js';

export type Others = Record<string, 'working_offline' | 'available'>;
export interface SessionOptions { tenant?: (t: TenantConfig) => void }

/**
 * The console shows `expected`. For what a command's reply draws (an error in
 * a dialog, a confirmation): the reply may arrive after the events a test
 * waits on, so wait for the text itself.
 */
export async function shows(h: ConsoleHarness, expected: string | RegExp): Promise<void> {
  const found = () => (typeof expected === 'string' ? h.frame().includes(expected) : expected.test(h.frame()));
  await waitFor(found).catch(() => undefined);
  if (typeof expected === 'string') expect(h.frame()).toContain(expected);
  else expect(h.frame()).toMatch(expected);
}

/** The first piece of work's call (the tests' agents have one at a time). */
export const myCall = (v: AgentView) => v.work[0]?.call;

export interface CallSession {
  /** The loopback (throws before `open`). */
  readonly rig: PhoneLoopback;
  /** The console of the first agent opened (throws before `open`). */
  readonly h: ConsoleHarness;
  /** A loopback with these agents logged in, and a console for the first. */
  open(agents: readonly string[], o?: SessionOptions): Promise<ConsoleHarness>;
  /** Another agent's console on the same loopback. */
  consoleOf(agent: string): Promise<ConsoleHarness>;
  /** Waits for the client's view, then lets every console draw it. */
  settleOn(client: EngineClient, predicate: (v: AgentView) => boolean, label: string): Promise<AgentView>;
  /**
   * Ana Available, a call in support-phone accepted by key; the other agents
   * logged in with the status asked for. Returns ana's interaction id.
   */
  onACall(others?: Others, o?: SessionOptions): Promise<string>;
}

/** Call once per test file (it registers the afterEach that closes everything). */
export function callSession(): CallSession {
  let rig: PhoneLoopback | undefined;
  const consoles: ConsoleHarness[] = [];
  afterEach(async () => {
    for (const c of consoles.splice(0)) c.unmount();
    await rig?.close();
    rig = undefined;
  });
  const render = async (agent: string): Promise<ConsoleHarness> => {
    const h = await renderConsole({ client: s.rig.clients[agent]!, columns: 100, rows: 30, now: Date.now() });
    consoles.push(h);
    return h;
  };
  const s: CallSession = {
    get rig() {
      if (!rig) throw new Error('no phone loopback open: call open() or onACall() first');
      return rig;
    },
    get h() {
      if (!consoles[0]) throw new Error('no console open: call open() or onACall() first');
      return consoles[0];
    },
    async open(agents, o = {}) {
      rig = await phoneLoopback(agents, o);
      return render(agents[0]!);
    },
    consoleOf: render,
    async settleOn(client, predicate, label) {
      const v = await until(client, predicate, label);
      for (const c of consoles) await c.settle();
      return v;
    },
    async onACall(others = {}, o = {}) {
      const h = await s.open(['ana', ...Object.keys(others)], o);
      for (const [agent, status] of Object.entries(others)) {
        const r = await s.rig.clients[agent]!.setStatus(status, status === 'working_offline' ? 'meeting' : undefined);
        expect(r.ok, `${agent} ${status}`).toBe(true);
      }
      const ana = s.rig.clients.ana!;
      await h.press('s', KEY.enter);
      await s.settleOn(ana, (v) => v.self?.status === 'available', 'available');
      s.rig.sw.incomingCall({ from: '+15105551234', queueId: 'support-phone', name: 'Lee Caller' });
      await s.settleOn(ana, (v) => v.offer?.media === 'inbound_phone', 'offer');
      expect(h.frame()).toContain('Whisper: Support line: verify the account PIN first.');
      await h.press('a');
      const v = await s.settleOn(ana, (x) => myCall(x)?.state === 'connected', 'connected');
      return v.work[0]!.id;
    },
  };
  return s;
}
