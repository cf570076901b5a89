/**
 * The switch link (docs/ingress.md) on real sockets, in one process: the simulated switch run
 * through runRemoteAdapter — what `agent-console switch` runs — against a server whose engine is
 * attached to a SwitchLink. Calls come in and are connected; requests sent while the switch is
 * away wait for it and arrive in order once it is back; acknowledged ones are not sent again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attachTelephony, liveLegs, SimulatedSwitch, VirtualClock, type TelephonyBridge } from '../../src/engine/index.js';
import { newApiKey } from '../../src/server/api-keys.js';
import { SwitchLink } from '../../src/server/index.js';
import { runRemoteAdapter, type RemoteAdapter } from '../../src/cli/switch/remote-adapter.js';
import type { Posted } from '../../src/cli/switch/reporter.js';
import { rig, until, wireTenant, type Rig } from './helpers.js';

const { key, hash } = newApiKey();
let r: Rig | undefined;
let bridge: TelephonyBridge | undefined;
const remotes: RemoteAdapter[] = [];
afterEach(async () => {
  for (const x of remotes.splice(0)) x.stop();
  bridge?.detach();
  await r?.close();
  r = undefined;
});

async function linkedRig(): Promise<{ link: SwitchLink }> {
  const tenant = (await wireTenant()) as Record<string, unknown>;
  const link = new SwitchLink({ tenantId: 't', liveLegs: () => liveLegs(r!.engine.queries.unsafeState()) });
  r = await rig({ switchLink: link }, { ...tenant, dialedNumbers: [{ number: '+18005550100', queueId: 'phone' }], apiKeys: [{ id: 'pbx', hash, scopes: ['create-work'] }] });
  bridge = attachTelephony(r.engine, link);
  return { link };
}

/** A switch process's worth: a simulated switch behind runRemoteAdapter; resolves once it is connected. */
async function remoteSwitch(prefix: string): Promise<{ sw: SimulatedSwitch; answers: Posted[] }> {
  const sw = new SimulatedSwitch(new VirtualClock(), { legPrefix: prefix });
  const answers: Posted[] = [];
  await new Promise<void>((resolve, reject) => {
    remotes.push(
      runRemoteAdapter(sw, { httpUrl: r!.server.httpUrl, key }, {
        connected: () => resolve(),
        disconnected: () => {},
        refused: (_s, message) => reject(new Error(message)),
        request: () => {},
        answer: (p) => answers.push(p),
      }),
    );
  });
  return { sw, answers };
}

const settled = async (cond: () => boolean, label: string) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(cond(), label).toBe(true);
};

describe('the switch link', () => {
  it('a call the switch reports is offered, connected on the switch when accepted, and ended when the caller hangs up', async () => {
    const { link } = await linkedRig();
    const { sw, answers } = await remoteSwitch('P1-');
    const a1 = await r!.client('a1');
    await a1.setStatus('available');
    const legId = sw.incomingCall({ from: '+15105551234', to: '+18005550100', name: 'Lee' });
    const offered = await until(a1, (v) => !!v.offer, 'the offer');
    await settled(() => answers.length > 0, 'the API’s answer to the switch');
    expect(answers[0]).toMatchObject({ status: 201, body: { legId } });
    await a1.accept(offered.offer!.id);
    const callId = (await until(a1, (v) => v.work[0]?.call?.state === 'connected', 'connected')).work[0]!.call!.callId!;
    await settled(() => sw.bridgeOf(callId).includes(legId), 'the caller bridged on the switch');
    expect(sw.leg(legId)!.state).toBe('connected');
    sw.hangUp(legId);
    await until(a1, (v) => v.work[0]?.phase === 'wrapup', 'wrap-up');
    await settled(() => link.pending === 0, 'every request acknowledged');
  });

  it('requests made while the switch is away wait, and reach the next switch in order after the live legs', async () => {
    const { link } = await linkedRig();
    const first = await remoteSwitch('P1-');
    const a1 = await r!.client('a1');
    await a1.setStatus('available');
    const legId = first.sw.incomingCall({ from: '+15105551234', to: '+18005550100' });
    const offered = await until(a1, (v) => !!v.offer, 'the offer');
    await a1.accept(offered.offer!.id);
    await settled(() => link.pending === 0, 'acknowledged');
    remotes.shift()!.stop(); // the switch process goes away
    await settled(() => !link.connected, 'the link down');
    await a1.hold(offered.offer!.id);
    await settled(() => link.pending > 0, 'a request waiting');
    // A new switch process: it learns the live legs, then gets the hold.
    const second = await remoteSwitch('P2-');
    await settled(() => second.sw.leg(legId)?.held === true, 'the hold carried out by the new switch');
    expect(second.sw.requests.map((q) => q.op)).toEqual(['hold']);
    await settled(() => link.pending === 0, 'acknowledged by the new switch');
  });
});
