// The console against a real EngineClient, a real server and a real engine
// on loopback: an agent's day driven by keys only, checked on screen and in
// the engine.
import { afterEach, describe, expect, it } from 'vitest';
import { loopback, until, type Loopback } from './helpers/loopback.js';
import { KEY, renderConsole, tick, waitFor, type ConsoleHarness } from './helpers/render.js';

let rig: Loopback | undefined;
let h: ConsoleHarness | undefined;
afterEach(async () => {
  h?.unmount();
  h = undefined;
  await rig?.close();
  rig = undefined;
});

const status = () => rig!.client.getView().self?.status;
const arrive = (queueId: string, name: string) => {
  const r = rig!.engine.execute({ type: 'arrive', queueId, customer: { name } } as never);
  expect(r.ok).toBe(true);
};
/** Wait for the engine to answer, then for the console to draw it. */
async function settleOn(predicate: Parameters<typeof until>[1], label: string): Promise<void> {
  await until(rig!.client, predicate, label);
  await h!.settle();
}

async function start(columns = 80, rows = 24): Promise<void> {
  rig = await loopback();
  h = await renderConsole({ client: rig.client, columns, rows, now: Date.now() });
}

async function becomeAvailable(): Promise<void> {
  await h!.press('s');
  expect(h!.frame()).toMatch(/› Available/);
  await h!.press(KEY.enter);
  await settleOn((v) => v.self?.status === 'available', 'available');
}

describe('console on loopback', () => {
  it('logs in On Break, asks for a reason, and changes status with a mandatory code', async () => {
    await start();
    expect(h!.frame()).toMatch(/Ana L\.\s+● On Break/);
    await h!.press('s', 'j');
    expect(h!.frame()).toMatch(/› Working Offline/);
    await h!.press(KEY.enter);
    expect(h!.frame()).toContain('Reason for Working Offline');
    expect(h!.frame()).toMatch(/Meeting[\s\S]*Training[\s\S]*Case work/);
    await h!.press('j', 'j', KEY.enter);
    await settleOn((v) => v.self?.status === 'working_offline', 'working offline');
    expect(rig!.client.getView().self?.statusCode).toBe('casework');
    expect(h!.frame()).toMatch(/● Working Offline \S+\s+Case work/);
    expect(h!.raw.at(-1)).toBe('\x1b]2;Ana L. — Working Offline\x07');
  });

  it('offer → accept → notes → codes → end → wrap up, keys only', async () => {
    await start();
    await becomeAvailable();
    arrive('support-chat', 'Lee');
    await settleOn((v) => v.offer !== null, 'offer');
    expect(h!.raw).toContain('\x07');
    expect(h!.frame()).toMatch(/OFFER  Chat · Support — Chat\s+0:(20|19)/);
    expect(h!.frame()).toContain('Lee');

    await h!.press('a');
    await settleOn((v) => v.work.length === 1 && v.offer === null, 'accepted');
    expect(status()).toBe('busy');
    expect(h!.frame()).toMatch(/● Busy/);
    expect(h!.frame()).toMatch(/› Chat · .* · Lee\s+active/);

    await h!.press('n');
    await h!.type('Wants a refund');
    await h!.press(KEY.esc);
    await settleOn((v) => v.work[0]?.notes === 'Wants a refund', 'notes saved');
    expect(h!.frame()).toContain('Wants a refund');

    await h!.press('d', 'j', ' ');
    await settleOn((v) => (v.work[0]?.codes.length ?? 0) === 1, 'code set');
    expect(h!.frame()).toMatch(/\[x\]/);
    expect(h!.frame()).not.toContain('(required)');

    await h!.press('e');
    await settleOn((v) => v.work[0]?.phase === 'wrapup', 'wrap-up');
    expect(h!.frame()).toMatch(/Chat · .* · Lee\s+\d:\d\d/);

    await h!.press('w');
    await settleOn((v) => v.work.length === 0, 'wrapped up');
    expect(h!.frame()).toContain('No interaction to disposition.');
  });

  it('says why the status changed at the end of work, beside the confirmation of the wrap-up', async () => {
    await start();
    await becomeAvailable();
    arrive('support-chat', 'Lee');
    await settleOn((v) => v.offer !== null, 'offer');
    await h!.press('a');
    await settleOn((v) => v.work.length === 1, 'accepted');
    // While busy, s picks the status after work: Working Offline, with its reason.
    await h!.press('s', 'j', 'j', KEY.enter, KEY.enter);
    await settleOn((v) => v.self?.statusAfterWork === 'working_offline', 'after work chosen');
    await h!.press('d', 'j', ' ');
    await settleOn((v) => (v.work[0]?.codes.length ?? 0) === 1, 'code set');
    await h!.press('e');
    await settleOn((v) => v.work[0]?.phase === 'wrapup', 'wrap-up');
    await h!.press('w');
    await settleOn((v) => v.self?.status === 'working_offline', 'working offline');
    await waitFor(() => h!.frame().includes('Wrapped up.'));
    expect(h!.frame().replace(/\s+/g, ' ')).toContain('Wrapped up. Your work ended: Working Offline, because you chose it.');
    // The agent's own next choice makes that why stale: it is not left on screen.
    await h!.press('s', KEY.enter);
    await settleOn((v) => v.self?.status === 'available', 'available');
    expect(h!.frame()).not.toContain('Your work ended');
  });

  it('wrap-up counts up when mandatory codes are missing, and the engine refuses Wrap Up', async () => {
    await start();
    await becomeAvailable();
    arrive('support-chat', 'Kim');
    await settleOn((v) => v.offer !== null, 'offer');
    await h!.press(KEY.ctrl('y'));
    await settleOn((v) => v.work.length === 1, 'accepted');
    await h!.press('e');
    await settleOn((v) => v.work[0]?.phase === 'wrapup', 'wrap-up');
    rig!.clock.advance(95_000);
    await settleOn((v) => v.work[0]?.wrapUpOverdue === true, 'overdue');
    // The server stamps frames with wall time; the engine's time here is virtual,
    // so move the console's clock to where a real clock would be.
    h!.clock.set(rig!.clock.now());
    await h!.settle();
    expect(h!.frame()).toMatch(/wrap-up\s+\+1:0\d/);
    await h!.press('w');
    await tick(50);
    await h!.settle();
    expect(h!.frame().split('\n').at(-2)).toContain('Contact reason');
    expect(rig!.client.getView().work).toHaveLength(1);
  });

  it('rejects an offer with the permission', async () => {
    await start();
    await becomeAvailable();
    arrive('support-phone', 'Bob');
    await settleOn((v) => v.offer !== null, 'offer');
    expect(h!.frame()).toContain('x, Ctrl-X reject');
    // Rejecting asks first and says where it leaves the agent; Enter confirms.
    await h!.press('x');
    expect(h!.frame()).toContain('If you reject it, you go Working Offline (a rejected inbound call does).');
    expect(rig!.client.getView().offer).not.toBeNull();
    await h!.press(KEY.enter);
    await settleOn((v) => v.offer === null, 'rejected');
    await settleOn((v) => v.self?.status === 'working_offline', 'phone reject → working offline');
    expect(h!.frame()).toMatch(/● Working Offline/);
    // Why, in words.
    expect(h!.frame().replace(/\s+/g, '')).toContain('You rejected an inbound call offer (Support — Phone): that puts you Working Offline.'.replace(/\s+/g, ''));
  });

  it('toggles a queue and filters the queue list', async () => {
    await start();
    await h!.press('3');
    expect(h!.frame()).toMatch(/Inbound call[\s\S]*Chat[\s\S]*Email[\s\S]*Voicemail/);
    const first = h!.frame().split('\n').find((l) => l.includes('│›'))!;
    await h!.press(' ');
    await settleOn((v) => v.queues.some((q) => !q.enabled && q.relation === 'member'), 'queue disabled');
    expect(h!.frame()).toMatch(/›.*\boff\b/);
    await h!.press('o');
    expect(h!.frame()).toContain('3 Queues · enabled');
    expect(h!.frame()).not.toContain(first.slice(3, 20));
  });

  it('stop new and resume while handling a chat', async () => {
    await start();
    await becomeAvailable();
    arrive('support-chat', 'Sam');
    await settleOn((v) => v.offer !== null, 'offer');
    await h!.press('a');
    await settleOn((v) => v.self?.status === 'busy', 'busy');
    await h!.press('p');
    await settleOn((v) => v.self?.status === 'busy_stop_new', 'stop new');
    expect(h!.frame()).toContain('● Busy (Stop New)');
    await h!.press('p');
    await settleOn((v) => v.self?.status === 'busy', 'resumed');
    await h!.press('s', 'j', KEY.enter, KEY.enter);
    await settleOn((v) => v.self?.afterWork?.status === 'on_break', 'after work');
    expect(h!.frame()).toContain('→ On Break (Lunch)');
  });

  it('contacts: real colleagues, search, favourite', async () => {
    await start();
    await h!.press('4');
    expect(h!.frame()).toMatch(/Benjamin O\.[\s\S]*Chloé M\./);
    await h!.press('/');
    await h!.type('dev');
    expect(h!.frame()).toContain('Devansh R.');
    expect(h!.frame()).not.toContain('Benjamin O.');
    await h!.press(KEY.enter, 'f');
    expect(h!.favourites.at(-1)).toEqual(['dev']);
  });

  it('refuses to quit silently with work in progress; logs out and exits otherwise', async () => {
    await start();
    await becomeAvailable();
    arrive('support-chat', 'Ola');
    await settleOn((v) => v.offer !== null, 'offer');
    await h!.press('q');
    expect(h!.frame()).toContain('Work in progress');
    // Logging out is shown, greyed, with why, before the agent picks it; the cursor is on what works.
    expect(h!.frame()).toMatch(/│› Quit anyway[\s\S]*│  Log out and quit/);
    await h!.press('j', KEY.enter);
    expect(h!.frame()).toContain('Finish your work first');
    expect(rig!.client.getView().connection.state).toBe('online');
    await h!.press(KEY.esc, 'x', KEY.enter);
    await settleOn((v) => v.offer === null, 'rejected');
    await h!.press('q', 'l');
    await until(rig!.client, (v) => v.connection.state === 'offline', 'logged out');
    // The server's "closing" can reach the client before the console has finished its own
    // logout step: wait for the exit itself rather than assume the order.
    await waitFor(() => h!.exits.length > 0);
    expect(h!.exits).toEqual([0]);
  });

  it('On Break with reasons in the tenant: the bar asks for one and the status dialog takes it (also after a rejected offer); the why goes once she picks a status', async () => {
    await start();
    expect(h!.frame()).toContain('reason? press s');
    await h!.press('s');
    expect(h!.frame()).toContain('On Break (stay): give the reason');
    await h!.press('j', 'j', 'j', KEY.enter);
    expect(h!.frame()).toMatch(/Reason for On Break[\s\S]*Lunch[\s\S]*Coffee break/);
    await h!.press('j', KEY.enter);
    await settleOn((v) => v.self?.statusCode === 'coffee', 'a reason for On Break');
    expect(h!.frame()).toMatch(/● On Break \S+\s+Coffee break/);
    expect(h!.frame()).not.toContain('reason? press s');
    await h!.press('s');
    expect(h!.frame()).toContain('On Break (stay): change the reason');
    await h!.press(KEY.esc);
    await tick(5);
    // A rejected call: Working Offline, said why; picking Available herself drops the why at once.
    await becomeAvailable();
    arrive('support-phone', 'Bob');
    await settleOn((v) => v.offer !== null, 'offer');
    await h!.press('x', KEY.enter);
    await settleOn((v) => v.self?.status === 'working_offline', 'rejected');
    expect(h!.frame()).toContain('Press s when you are ready again.');
    // The status bar says both, whole at 80 columns (the tag was cut: 'offer r…').
    expect(h!.frame().split('\n')[0]).toMatch(/● Working Offline \S+\s+reason\? s · offer rejected\s+online/);
    await h!.press('s');
    expect(h!.frame()).toContain('Working Offline (stay): give the reason');
    await h!.press(KEY.enter);
    await settleOn((v) => v.self?.status === 'available', 'available again');
    expect(h!.frame()).not.toContain('ready again');
  });

  it('with an offer waiting, the status dialog greys every status and does not say Enter picks', async () => {
    await start();
    await becomeAvailable();
    arrive('support-chat', 'Kim');
    await settleOn((v) => v.offer !== null, 'offer');
    await h!.press('s');
    expect(h!.frame()).toContain('Now: Available. Esc goes back.');
    expect(h!.frame()).not.toContain('Enter picks');
    expect(h!.frame()).toContain('Not now: An offer is waiting: accept or reject it first.');
  });

  it('the reject confirmation says, whole at 80 columns, that a busy agent goes On Break once her work ends', async () => {
    await start();
    await becomeAvailable();
    arrive('support-chat', 'Kim');
    await settleOn((v) => v.offer !== null, 'offer');
    await h!.press('a');
    await settleOn((v) => v.work.length === 1 && v.self?.status === 'busy', 'busy');
    arrive('support-chat', 'Lou');
    await settleOn((v) => v.offer !== null, 'second offer');
    await h!.press(KEY.ctrl('x'));
    const flat = h!.frame().replace(/│/g, ' ').replace(/\s+/g, ' ');
    expect(flat).toContain('If you reject it, you stay Busy (Stop New) and go On Break once your work ends (a rejected chat does).');
    expect(h!.frame()).not.toMatch(/…/);
  });
});
