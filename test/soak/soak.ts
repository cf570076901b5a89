/**
 * The soak (issue 15): a real `agent-console serve` process, agents and web
 * chat customers working through the real clients (SoakAgent,
 * SoakCustomers), and the server killed with SIGKILL and started again on
 * the same database `cycles` times, each after a seeded random amount of
 * work (commands acknowledged, not milliseconds: a loaded machine does the
 * same work, only slower). At the end everyone finishes their work, and:
 *   - every command the ledger holds is counted in the event log:
 *     acknowledged → exactly once; unacknowledged → at most once;
 *   - every agent's view equals the server's (read back from its durable log),
 *     and every customer's transcript equals the log's;
 *   - the server logged no error.
 * Restart (kill → ready) and resume (ready → every agent back in the new
 * epoch) times are measured per cycle. Pass/fail does not depend on timing:
 * every wait is on a condition, each bounded (PHASE_MS) so that a stall
 * fails at once, naming its phase; the seed is printed and replays the same
 * scripts and kill points.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { EngineClient } from '../../src/client/index.js';
import { prng } from '../../src/cli/demo/prng.js';
import { hashPassword } from '../../src/server/passwords.js';
import { Ledger, type LedgerReport } from './ledger.js';
import { comparable, serverViews, withLogCopy } from './log-views.js';
import { Names, SoakAgent, SoakCustomers } from './actors.js';
import { freePort, startServe, wallNow, type ServeProcess } from './serve-process.js';

export interface SoakOptions {
  seed: number;
  cycles: number;
  agents: number;
  /** Customers chatting at the same time. */
  customers: number;
  /** Work between two kills: a seeded random number of commands acknowledged, in this range. */
  work: [number, number];
  log?: (line: string) => void;
}

export interface SoakReport {
  seed: number;
  cycles: { work: number; workMs: number; restartMs: number; resumeMs: number }[];
  acknowledged: number;
  ledger: LedgerReport;
  events: number;
  agentViews: { equal: number; different: string[] };
  /** Those that differ: what the customer saw, what the log holds. */
  customerTranscripts: { equal: number; different: { conversationId: string; seen: string[]; logged: string[]; ended?: string }[] };
  serverErrors: string[];
  passed: boolean;
}

const PASSWORD = 'soak-password';

async function soakTenant(agents: string[]): Promise<unknown> {
  const passwordHash = await hashPassword(PASSWORD);
  const reason = { id: 'reason', name: 'Reason', mandatory: true, codes: [{ id: 'sale', label: 'Sale' }, { id: 'help', label: 'Help' }] };
  return {
    id: 'soak',
    name: 'Soak tenant',
    groups: [{ id: 'g1', name: 'Floor' }],
    agents: agents.map((id) => ({ id, firstName: id, lastName: 'Soak', displayName: id.toUpperCase(), group: 'g1', passwordHash, permissions: { maxConcurrentChats: 2 } })),
    queues: [
      { id: 'chat', name: 'Chat', media: 'chat', acceptTimeoutSec: 20, wrapUpSec: 30, agents, codeLists: [reason] },
      { id: 'out', name: 'Outbound', media: 'outbound_phone', wrapUpSec: 30, agents },
    ],
    outboundCodes: [{ id: 'followup', label: 'Follow-up' }],
    // The longest allowed: an agent is never logged out while the server is down.
    disconnectGraceSec: 600,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The most any one phase may take (a restart, every agent back, the final drain): beyond it, a stall. */
const PHASE_MS = 60_000;

/** `p`, or an error naming `what` if it takes longer than PHASE_MS. */
async function within<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`soak stalled: ${what} took over ${PHASE_MS / 1000} s`)), PHASE_MS)));
  try {
    return await Promise.race([p, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once `ready()` holds, looked at on each change of any client. */
function until(clients: EngineClient[], ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const offs: (() => void)[] = [];
    const check = () => {
      if (!ready()) return;
      for (const off of offs) off();
      resolve();
    };
    for (const c of clients) offs.push(c.subscribe(check));
    check();
  });
}

/** Resolves once every client is online in an epoch other than `before`'s (after a restart): when, `wallNow()`. */
function allBack(clients: EngineClient[], timeoutMs = PHASE_MS): Promise<number> {
  const before = clients.map((c) => c.getView().epoch);
  return new Promise((resolve, reject) => {
    const back = () => clients.every((c, i) => c.getView().epoch !== before[i] && c.getView().connection.state === 'online');
    const offs: (() => void)[] = [];
    const timer = setTimeout(() => done(new Error('not every agent came back')), timeoutMs);
    const done = (error?: Error) => {
      clearTimeout(timer);
      for (const off of offs) off();
      if (error) reject(error);
      else resolve(wallNow());
    };
    for (const c of clients) offs.push(c.subscribe(() => back() && done()));
  });
}

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const say = o.log ?? (() => {});
  const rnd = prng(o.seed);
  const dir = mkdtempSync(join(tmpdir(), 'ac-soak-'));
  const tenantFile = join(dir, 'tenant.json');
  const dbFile = join(dir, 'soak.db');
  const agentIds = Array.from({ length: o.agents }, (_, i) => `s${i + 1}`);
  writeFileSync(tenantFile, JSON.stringify(await soakTenant(agentIds)));
  const port = await freePort();
  const logs: string[] = [];
  let server: ServeProcess | undefined;
  const serve = async () => {
    const logFile = join(dir, `serve-${logs.length}.log`);
    logs.push(logFile);
    return (server = await startServe({ tenantFile, dbFile, port, logFile }));
  };
  const ledger = new Ledger();
  const names = new Names();
  const clients: EngineClient[] = [];
  let agents: SoakAgent[] = [];
  let customers: SoakCustomers[] = [];
  try {
    await serve();
    say(`soak: seed ${o.seed}, ${o.cycles} kill -9 cycles, ${o.agents} agents, ${o.customers} customers at a time, db ${dbFile}`);
    for (const id of agentIds) {
      const c = new EngineClient({ url: server!.url, agent: id, password: PASSWORD, clientName: 'soak' });
      await c.connect();
      clients.push(c);
    }
    agents = agentIds.map((id, i) => new SoakAgent(id, clients[i]!, agentIds.filter((x) => x !== id), prng(o.seed * 31 + i), ledger, names));
    customers = Array.from({ length: o.customers }, (_, i) => new SoakCustomers(server!.url, prng(o.seed * 17 + i), ledger, names));
    for (const a of [...agents, ...customers]) a.start();

    const cycles: SoakReport['cycles'] = [];
    for (let k = 0; k < o.cycles; k++) {
      const work = Math.round(o.work[0] + rnd() * (o.work[1] - o.work[0]));
      const workFrom = wallNow();
      await within(`cycle ${k + 1}: ${work} commands acknowledged`, ledger.whenAcked(ledger.acked + work));
      const workMs = Math.round(wallNow() - workFrom);
      // Two agents and a customer lose the answer to what they just sent; the server dies before they are back.
      const online = agents.filter((a) => a.client.getView().connection.state === 'online');
      const lost = [0, 1].map(() => online.splice(Math.floor(rnd() * online.length), 1)[0]).filter((a) => a !== undefined);
      const answers: Promise<unknown>[] = lost.map((a) => a.sendAndDrop());
      const chatting = customers.filter((c) => c.chatting);
      const customer = chatting[Math.floor(rnd() * chatting.length)]?.sendAndDrop();
      if (customer) answers.push(customer);
      // The dropped agents have seen their sockets close (what they sent is on the server, or not: either is checked).
      await within(`cycle ${k + 1}: dropped connections closed`, until(clients, () => lost.every((a) => a.client.getView().connection.state !== 'online')));
      const back = allBack(clients);
      const killedAt = wallNow();
      await server!.kill9();
      const { readyAt } = await within(`cycle ${k + 1}: restart`, serve());
      const resumedAt = await back;
      await within(`cycle ${k + 1}: answers to the dropped commands`, Promise.all(answers));
      cycles.push({ work, workMs, restartMs: Math.round(readyAt - killedAt), resumeMs: Math.round(resumedAt - readyAt) });
      say(`cycle ${k + 1}/${o.cycles}: ${work} commands in ${workMs} ms, kill -9, ready after ${cycles.at(-1)!.restartMs} ms, every agent back ${cycles.at(-1)!.resumeMs} ms later; ${ledger.acked} commands acknowledged so far`);
    }

    say('soak: everyone finishes their work');
    await within('everyone stopping', Promise.all([...agents, ...customers].map((a) => a.stop())));
    await Promise.all(agents.map((a) => a.drain(Date.now() + PHASE_MS)));

    // Fan-out is asynchronous (queue statistics are coalesced for 100 ms): a view that differs is
    // looked at again a moment later, until it agrees or PHASE_MS has passed.
    const giveUpAt = Date.now() + PHASE_MS;
    let check = await compare(tenantFile, dbFile, agentIds, clients, customers.flatMap((c) => c.finished), ledger);
    while (!check.passed && Date.now() < giveUpAt) {
      await sleep(200);
      check = await compare(tenantFile, dbFile, agentIds, clients, customers.flatMap((c) => c.finished), ledger);
    }
    const serverErrors = logs.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.includes('"level":"error"')));
    const { passed, ...report } = check;
    return { seed: o.seed, cycles, acknowledged: ledger.acked, ...report, serverErrors, passed: passed && serverErrors.length === 0 };
  } finally {
    for (const c of customers) c.current?.close();
    for (const c of customers.flatMap((x) => x.finished)) c.client.close();
    for (const c of clients) c.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The views, the transcripts and the ledger against a copy of the log as it is now. */
function compare(tenantFile: string, dbFile: string, agentIds: string[], clients: EngineClient[], finished: SoakCustomers['finished'], ledger: Ledger) {
  return withLogCopy(tenantFile, dbFile, (engine, events) => {
    const expected = serverViews(engine, agentIds);
    const different = agentIds.filter((_, i) => !isDeepStrictEqual(json(comparable(clients[i]!.getView())), json(expected[i])));
    const transcripts = finished.flatMap(({ conversationId, client }) => {
      const seen = client.messages.map((m) => `${m.id} ${m.text}`);
      const logged = engine.queries.transcript(conversationId).map((m) => `${m.id} ${m.text}`);
      return isDeepStrictEqual(seen, logged) ? [] : [{ conversationId, seen, logged, ended: client.ended }];
    });
    const log = events();
    const checked = ledger.check(log);
    return {
      ledger: checked,
      events: log.length,
      agentViews: { equal: agentIds.length - different.length, different },
      customerTranscripts: { equal: finished.length - transcripts.length, different: transcripts },
      passed: checked.problems.length === 0 && different.length === 0 && transcripts.length === 0,
    };
  });
}

/** As the view crossed the wire: JSON (fields holding undefined are left out). */
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
