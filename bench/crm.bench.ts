/**
 * The local CRM at two sizes in the same run (issue 12): 1,000 customers
 * (the baseline) and 100,000 customers with three cases each, so growth is
 * a ratio on the same machine under the same load. For each size:
 *   - import: customers through `crm_import` (1,000 rows a command, as the
 *     CLI sends them): rows per second; cases through `crm_open_case`;
 *   - search: `crmSearch` as the console calls it while an agent types
 *     (name prefixes, accent-free names, email and phone fragments, an
 *     account, a case number, a company word): p50 and p99 in ms;
 *   - restart: the engine opened again on the database (snapshot, log tail,
 *     the CRM tables kept on disk) until a first search answers; and a real
 *     `agent-console serve` process started on it until it listens.
 * The bounds at 100k customers / 300k cases: restart ≤ 2 s, search
 * p99 ≤ 10 ms. `npm run bench -- crm` (BENCH_CRM_SIZES=1000,20000 for
 * other sizes). The databases live in the OS temp folder.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openEngine, parseTenant, type CustomerInput, type Engine } from '../src/engine/index.js';
import { ROOT } from './baseline.js';

const SIZES = (process.env.BENCH_CRM_SIZES ?? '1000,100000').split(',').map(Number);
const CASES_PER_CUSTOMER = 3;
const IMPORT_BATCH = 1000;
/** Cases opened per group commit (one transaction each). */
const CASE_GROUP = 500;
const SEARCHES = 600;
const RESTARTS = 3;

const out = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'crm', ...figure }));
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const log = (s: string) => process.stderr.write(`  ${s}\n`);

const FIRST = ['Olivia', 'Zoë', 'Liam', 'Chloé', 'Noah', 'Amélie', 'Mateo', 'Björn', 'Ines', 'Hugo', 'Léa', 'Ana', 'Kenji', 'Søren', 'Maya', 'Omar'];
const LAST = ['Brown', 'Faÿ', 'Martin', 'Dubois', 'García', 'Müller', 'Nguyen', 'Smith', 'Lefèvre', 'Kowalski', 'Rossi', 'Okafor', 'Silva', 'Larsen', 'Haddad', 'Tanaka'];
const COMPANY = ['Acme', 'Crème Brûlée SARL', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises'];
const SUBJECT = ['Refund for order', 'Delivery late', 'Invoice question', 'Password reset', 'Broken item', 'Change of address'];

/** Deterministic pseudo-random numbers (the same customers and queries each run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function customer(i: number): CustomerInput {
  return {
    firstName: FIRST[i % FIRST.length],
    lastName: `${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i}`,
    company: COMPANY[i % COMPANY.length],
    emails: [`customer${i}@example.com`],
    phones: [`+1415${2_000_000 + i}`],
    account: `AC-${String(i).padStart(6, '0')}`,
    address: `${i % 300} rue de la Paix, Paris`,
  };
}

function tenantJson(): unknown {
  return {
    id: 'crm-bench',
    name: 'CRM bench',
    groups: [{ id: 'g', name: 'G' }],
    agents: [{ id: 'bench', firstName: 'Bench', lastName: 'Agent', displayName: 'Bench A.', group: 'g', passwordHash: 'x', permissions: { crmImport: true } }],
    queues: [{ id: 'q', name: 'Q', media: 'inbound_phone', agents: ['bench'] }],
  };
}

/** What an agent types into the search field, as it grows. */
function queries(n: number): string[] {
  const r = random(7);
  const kinds: ((i: number) => string)[] = [
    (i) => customer(i).lastName!.slice(0, 3).toLowerCase(),
    (i) => `${customer(i).firstName} ${customer(i).lastName}`.normalize('NFD').replace(/\p{M}/gu, ''),
    (i) => `customer${i}@`,
    (i) => `415 ${2_000_000 + i}`.slice(0, 9),
    (i) => customer(i).account!,
    (i) => `CAS-${String(1 + ((i * CASES_PER_CUSTOMER) % (n * CASES_PER_CUSTOMER))).padStart(6, '0')}`,
    () => pick(r, ['brûlée', 'globex', 'refund', 'paix', 'zoe', 'lefevre']),
  ];
  return Array.from({ length: SEARCHES }, (_, k) => kinds[k % kinds.length]!(Math.floor(r() * n)));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Fills a new database: customers by import batches, cases by group commits. */
async function fill(engine: Engine, n: number): Promise<{ importRowsPerSec: number; casesPerSec: number }> {
  let t0 = performance.now();
  for (let start = 0; start < n; start += IMPORT_BATCH) {
    const rows = Array.from({ length: Math.min(IMPORT_BATCH, n - start) }, (_, k) => customer(start + k));
    const r = engine.execute({ type: 'crm_import', agentId: 'bench', rows });
    if (!r.ok || (r.value as { imported: { created: number } }).imported.created !== rows.length) throw new Error(`import refused: ${JSON.stringify(r).slice(0, 300)}`);
  }
  const importMs = performance.now() - t0;
  t0 = performance.now();
  const cases = n * CASES_PER_CUSTOMER;
  for (let start = 0; start < cases; start += CASE_GROUP) {
    const answers = Array.from({ length: Math.min(CASE_GROUP, cases - start) }, (_, k) => {
      const c = start + k;
      const customerId = `CUS-${String(1 + (c % n)).padStart(6, '0')}`;
      return engine.executeDurable({ type: 'crm_open_case', agentId: 'bench', customerId, subject: `${SUBJECT[c % SUBJECT.length]} ${50_000 + c}` });
    });
    for (const a of await Promise.all(answers)) if (!a.ok) throw new Error(`case refused: ${JSON.stringify(a)}`);
    if (start % 60_000 === 0 && start) log(`${start} cases`);
  }
  const casesMs = performance.now() - t0;
  return { importRowsPerSec: Math.round(n / (importMs / 1000)), casesPerSec: Math.round(cases / (casesMs / 1000)) };
}

function searchLatency(engine: Engine, n: number): { p50Ms: number; p99Ms: number; maxMs: number; found: number } {
  const list = queries(n);
  for (const q of list.slice(0, 50)) engine.queries.crmSearch(q, 20); // warm-up
  const times: number[] = [];
  let found = 0;
  for (const q of list) {
    const t0 = performance.now();
    const r = engine.queries.crmSearch(q, 20);
    times.push(performance.now() - t0);
    if (r.customers.length || r.cases.length) found++;
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 50), 3), p99Ms: round(percentile(times, 99), 3), maxMs: round(times.at(-1)!, 3), found };
}

/** The engine opened again on the database, until a first search answers: ms (median of a few). */
function engineRestart(open: () => Engine): number {
  const times: number[] = [];
  for (let k = 0; k < RESTARTS; k++) {
    const t0 = performance.now();
    const engine = open();
    engine.queries.crmSearch('customer1@', 20);
    times.push(performance.now() - t0);
    engine.close();
  }
  return round(times.sort((a, b) => a - b)[Math.floor(RESTARTS / 2)]!, 1);
}

/** `agent-console serve` started on the database, until it listens: ms. */
function serveStart(dir: string, tenantFile: string, dbFile: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/agent-console'), 'serve', '--tenant', tenantFile, '--db', dbFile, '--port', '0', '--log', join(dir, 'serve.log')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise<number>((resolve, reject) => {
    let text = '';
    let listening: number | undefined;
    child.stdout.on('data', (d: Buffer) => {
      text += d;
      if (listening === undefined && /listening on ws:\/\//.test(text)) {
        listening = performance.now() - t0;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (d: Buffer) => (text += d));
    child.once('exit', (code) => (listening === undefined ? reject(new Error(`serve exited ${code} before listening: ${text.slice(0, 500)}`)) : resolve(round(listening, 1))));
  });
}

async function measure(n: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), `ac-crm-bench-${n}-`));
  try {
    const tenantFile = join(dir, 'tenant.json');
    writeFileSync(tenantFile, JSON.stringify(tenantJson()));
    const dbFile = join(dir, 'cc.db');
    const open = () => openEngine({ tenant: parseTenant(tenantJson()), dbFile, groupCommit: true });
    log(`${n} customers, ${n * CASES_PER_CUSTOMER} cases: filling`);
    const engine = open();
    const filled = await fill(engine, n);
    const counts = engine.queries.crmCounts();
    if (counts.customers !== n || counts.cases !== n * CASES_PER_CUSTOMER) throw new Error(`counts ${JSON.stringify(counts)}`);
    log('searching');
    const search = searchLatency(engine, n);
    engine.close();
    log('restarting');
    const restartMs = engineRestart(open);
    await serveStart(dir, tenantFile, dbFile); // warm the OS file cache and the build check
    const serveRestartMs = await serveStart(dir, tenantFile, dbFile);
    const dbMB = round(statSync(dbFile).size / 2 ** 20, 1);
    const figures = { customers: n, cases: n * CASES_PER_CUSTOMER, ...filled, searchP50Ms: search.p50Ms, searchP99Ms: search.p99Ms, searchMaxMs: search.maxMs, searchesWithHits: search.found, searches: SEARCHES, restartMs, serveRestartMs, dbMB };
    out(figures);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function run(): Promise<void> {
  const results = [];
  for (const n of SIZES) results.push(await measure(n));
  const [base, big] = [results[0]!, results.at(-1)!];
  if (results.length < 2) return;
  out({
    figure: `growth ${big.customers}/${base.customers} customers (ratio)`,
    searchP50: round(big.searchP50Ms! / base.searchP50Ms!),
    searchP99: round(big.searchP99Ms! / base.searchP99Ms!),
    restart: round(big.restartMs! / base.restartMs!),
    serveRestart: round(big.serveRestartMs! / base.serveRestartMs!),
    importRowsPerSec: round(big.importRowsPerSec! / base.importRowsPerSec!),
    bounds: { restartMs: 2000, searchP99Ms: 10 },
    loadavg: loadavg().map((x) => round(x)),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
