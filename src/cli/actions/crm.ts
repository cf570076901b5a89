/**
 * `crm import` and `crm export` (commands/crm.ts): a CSV file in or out,
 * through the server, as an agent with the crmImport permission, in a
 * secondary session. An import sends the file in batches (the engine checks
 * every field); each refused row is reported with its line in the file and
 * its field; the good rows are kept. Exit 0 when every row went in, 1 when
 * some were refused, 2 for a file it cannot read (unknown columns).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import type { CommandResult, EngineClient } from '../../client/client.js';
import type { CustomerInput, CustomerRecord, ImportRejection } from '../../protocol/index.js';
import { MAX_IMPORT_ROWS } from '../../engine/vocabulary.js';
import { csvLine, parseCsv, type CsvRecord } from '../csv.js';
import { CliError, exitCodeOf, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { terminalSafe } from '../terminal-safe.js';
import { connect, passwordFor, targetOf } from './connect.js';
import type { AgentFlags } from './one-shot.js';

type Field = keyof CustomerInput;

/** Column names (lower-case, letters and digits only) → the field they fill; null: an export's own column, not imported. */
const COLUMNS: Record<string, Field | null> = {
  firstname: 'firstName', givenname: 'firstName', first: 'firstName',
  lastname: 'lastName', surname: 'lastName', familyname: 'lastName', last: 'lastName', name: 'lastName',
  company: 'company', organization: 'company', organisation: 'company',
  email: 'emails', emails: 'emails', emailaddress: 'emails',
  phone: 'phones', phones: 'phones', phonenumber: 'phones', telephone: 'phones', mobile: 'phones',
  account: 'account', accountnumber: 'account',
  address: 'address',
  notes: 'notes', note: 'notes', comments: 'notes',
  id: null, createdat: null, updatedat: null,
};
const LIST_FIELDS: ReadonlySet<Field> = new Set(['emails', 'phones']);

/** The export's columns, in the names import reads. */
const EXPORT_COLUMNS = ['id', 'first_name', 'last_name', 'company', 'emails', 'phones', 'account', 'address', 'notes', 'created_at'];

/** A batch is also cut by size, to stay well inside a frame. */
const BATCH_BYTES = 150_000;

const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Which field each column fills; unknown columns are a usage error naming them and the known ones. */
function mapHeader(header: string[]): (Field | null)[] {
  const fields = header.map((h) => COLUMNS[columnKey(h)]);
  const unknown = header.filter((_, i) => fields[i] === undefined);
  if (unknown.length)
    throw new UsageError(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; the columns are: first_name, last_name, company, email, phone, account, address, notes`);
  if (!fields.some((f) => f)) throw new UsageError('the first line must name the columns (first_name, last_name, email...)');
  return fields as (Field | null)[];
}

/** A record's customer, or why it is no row at all. */
function rowOf(record: CsvRecord, fields: (Field | null)[]): CustomerInput | ImportRejection {
  if (record.fields.length !== fields.length)
    return { line: record.line, message: `has ${record.fields.length} fields, the header ${fields.length}: skipped.` };
  const row: Record<string, unknown> = {};
  record.fields.forEach((value, i) => {
    const field = fields[i];
    if (!field) return;
    if (LIST_FIELDS.has(field)) row[field] = [...((row[field] as string[] | undefined) ?? []), ...value.split(/[;|]/).map((v) => v.trim()).filter(Boolean)];
    else row[field] = value;
  });
  return row as CustomerInput;
}

/** How long a request may wait for its answer, and whom it asks. */
interface Link {
  client: EngineClient;
  seconds: number;
  url: string;
}

/** One request answered within the time allowed (else exit 4). */
async function answered(link: Link, request: () => Promise<CommandResult>): Promise<CommandResult> {
  let timer: NodeJS.Timeout | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CliError(`${link.url} did not answer within ${link.seconds} s`, EXIT.connection, 'TIMEOUT')), link.seconds * 1000);
  });
  try {
    return await Promise.race([request(), silent]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sends a command, waiting out the server's rate limit (a big file is many batches). */
async function sendPaced(link: Link, request: (client: EngineClient) => Promise<CommandResult>): Promise<Extract<CommandResult, { ok: true }>> {
  for (;;) {
    const r = await answered(link, () => request(link.client));
    if (r.ok) return r;
    if (r.error.code !== 'RATE_LIMITED') throw new CliError(r.error.message, EXIT.error, r.error.code);
    await new Promise((resolve) => setTimeout(resolve, r.error.retryAfterMs ?? 500));
  }
}

interface ImportOutcome {
  rows: number;
  created: number;
  rejected: ImportRejection[];
}

async function importFile(link: Link, file: string): Promise<ImportOutcome> {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
  const { records, unterminated } = parseCsv(text);
  const [header, ...data] = records;
  if (!header) throw new UsageError(`${file} is empty`);
  const fields = mapHeader(header.fields);
  const rejected: ImportRejection[] = [];
  if (unterminated) rejected.push({ line: unterminated, message: 'a quoted field is never closed: the rest of the file was not read.' });
  let created = 0;
  let batch: { rows: CustomerInput[]; lines: number[]; bytes: number } = { rows: [], lines: [], bytes: 0 };
  const flush = async () => {
    if (!batch.rows.length) return;
    const { rows, lines } = batch;
    batch = { rows: [], lines: [], bytes: 0 };
    const r = await sendPaced(link, (client) => client.importCustomers(rows, lines));
    created += r.imported?.created ?? 0;
    rejected.push(...(r.imported?.rejected ?? []));
  };
  for (const record of data) {
    const row = rowOf(record, fields);
    if ('line' in row) {
      rejected.push(row);
      continue;
    }
    const bytes = JSON.stringify(row).length;
    if (batch.rows.length >= MAX_IMPORT_ROWS || batch.bytes + bytes > BATCH_BYTES) await flush();
    batch.rows.push(row);
    batch.lines.push(record.line);
    batch.bytes += bytes;
  }
  await flush();
  rejected.sort((a, b) => a.line - b.line);
  return { rows: data.length, created, rejected };
}

const exportLine = (c: CustomerRecord): string =>
  csvLine([c.id, c.firstName ?? '', c.lastName ?? '', c.company ?? '', c.emails.join('; '), c.phones.join('; '), c.account ?? '', c.address ?? '', c.notes ?? '', new Date(c.createdAt).toISOString()]);

async function exportTo(link: Link, file: string | undefined): Promise<number> {
  const out = file && file !== '-' ? createWriteStream(file) : process.stdout;
  const write = (s: string) => new Promise<void>((resolve, reject) => out.write(s, (e) => (e ? reject(e) : resolve())));
  await write(csvLine(EXPORT_COLUMNS));
  let count = 0;
  for (let after: string | undefined; ; ) {
    const r = await sendPaced(link, (client) => client.crmExport(after, 1000));
    const page = r.customers ?? [];
    if (!page.length) break;
    await write(page.map(exportLine).join(''));
    count += page.length;
    after = page.at(-1)!.id;
  }
  if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve));
  return count;
}

/** Runs `crm import` or `crm export`; prints the outcome; resolves with the exit code. */
export async function runCrmCommand(name: 'import' | 'export', file: string | undefined, flags: AgentFlags): Promise<number> {
  let client: EngineClient | undefined;
  try {
    const seconds = Number(flags.timeout);
    if (!(seconds > 0)) throw new UsageError(`--timeout: "${flags.timeout}" is not a number of seconds`);
    const { url, agent } = await targetOf(flags);
    if (name === 'import' && !file) throw new UsageError('crm import: name the CSV file (- reads stdin)');
    const password = await passwordFor(agent);
    client = await connect({ url, agent, password, clientName: `agent-console crm ${name}`, kind: 'secondary', retryFirstConnect: false });
    const link: Link = { client, seconds, url };
    if (name === 'export') {
      const count = await exportTo(link, file);
      if (file && file !== '-') process.stdout.write(flags.json ? `${JSON.stringify({ ok: true, exported: count, file })}\n` : `${count} customer${count === 1 ? '' : 's'} written to ${terminalSafe(file)}\n`);
      return EXIT.ok;
    }
    const outcome = await importFile(link, file!);
    if (flags.json) process.stdout.write(`${JSON.stringify({ ok: true, ...outcome })}\n`);
    else {
      for (const r of outcome.rejected) process.stdout.write(`line ${r.line}: ${terminalSafe(r.message)}\n`);
      process.stdout.write(`${outcome.created} of ${outcome.rows} rows imported${outcome.rejected.length ? `; ${outcome.rejected.length} refused (above)` : ''}.\n`);
    }
    return outcome.rejected.length ? EXIT.error : EXIT.ok;
  } catch (e) {
    const code = e instanceof CliError ? e.code : undefined;
    if (flags.json) process.stdout.write(`${JSON.stringify({ ok: false, error: { code: code ?? 'ERROR', message: (e as Error).message } })}\n`);
    process.stderr.write(`agent-console: ${terminalSafe((e as Error).message)}${code && !(e instanceof UsageError) ? ` (${code})` : ''}\n`);
    return exitCodeOf(e);
  } finally {
    client?.close('done');
  }
}
