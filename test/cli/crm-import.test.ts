/**
 * `agent-console crm import|export` as a center runs it: the built binary
 * against a real `serve` on loopback, as the demo's supervisor (she has the
 * crmImport permission). A CSV file as spreadsheets write it (a header
 * naming the columns in any spelling, quoted commas and line breaks, several
 * emails in a cell); each bad row reported by its line in the file and its
 * field, the good rows kept; an export that reads back in.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../soak/serve-process.js';
import { runCli, type CliRun } from './run-cli.js';

let serve: ServeProcess;
const dir = mkdtempSync(join(tmpdir(), 'ac-crm-cli-'));

beforeAll(async () => {
  serve = await startServe();
}, 30_000);
afterAll(async () => {
  await serve?.stop();
});

const run = (args: string[], agent = 'kate'): Promise<CliRun> =>
  runCli(['crm', ...args, '--server', serve.url, '--agent', agent], { env: { AGENT_CONSOLE_PASSWORD: 'demo' } });

const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const CUSTOMERS = [
  '\uFEFFFirst Name,Last Name,Company,E-mail,Phone,Account,Notes',
  'Zoë,Faÿ,"Crème, Brûlée SARL",zoe@creme.example,+33 1 42 68 53 00,AC-1,"Prefers email;',
  'calls after 5"',
  'Bad,Phone,,bad@phone.example,12,,',
  'Bad,Email,,not-an-email,,,',
  'Dup,Row,,ZOE@creme.example,,,',
  'too,few',
  '',
  'Ann,Lee,,ann@example.com; ann.lee@example.com,(510) 259-2675,AC-2,',
].join('\r\n');

describe('crm import and export', () => {
  it('keeps the good rows and names each bad one by its line and field', async () => {
    const r = await run(['import', file('customers.csv', CUSTOMERS)]);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      expect.stringMatching(/^line 4: phones\[0\]: .*"12"/),
      expect.stringMatching(/^line 5: emails\[0\]: .*"not-an-email"/),
      'line 6: same email as line 2 (CUS-000001): skipped.',
      'line 7: has 2 fields, the header 7: skipped.',
      '2 of 6 rows imported; 4 refused (above).',
      '',
    ]);
    expect(r.code).toBe(1);
  }, 30_000);

  it('--json: the same outcome for a script', async () => {
    const r = await run(['import', file('more.csv', 'last_name,email\nOkafor,okafor@example.com\nNoName,\n'), '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, rows: 2, created: 2, rejected: [] });
    expect(r.code).toBe(0);
  }, 30_000);

  it('exports every customer as CSV that imports again (all duplicates then)', async () => {
    const out = join(dir, 'export.csv');
    const r = await run(['export', out]);
    expect(r.stdout).toBe(`4 customers written to ${out}\n`);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,first_name,last_name,company,emails,phones,account,address,notes,created_at');
    expect(csv).toContain('CUS-000001,Zoë,Faÿ,"Crème, Brûlée SARL",zoe@creme.example,+33142685300,AC-1,,"Prefers email;\ncalls after 5",');
    expect(csv).toContain('Ann,Lee,,ann@example.com; ann.lee@example.com,+15102592675,AC-2');
    const again = await run(['import', out, '--json']);
    const outcome = JSON.parse(again.stdout) as { created: number; rejected: { line: number }[] };
    expect(outcome.created).toBe(1); // NoName has no email or phone: nothing says it is a duplicate
    expect(outcome.rejected.map((x) => x.line)).toEqual([2, 4, 5]);
  }, 30_000);

  it('refuses an agent without the permission, and a file whose columns it does not know', async () => {
    const denied = await run(['import', file('one.csv', 'last_name\nSolo\n')], 'ben');
    expect(denied.stderr).toMatch(/crmImport|permission/i);
    expect(denied.code).toBe(1);
    const unknown = await run(['import', file('odd.csv', 'last_name,shoe_size\nBig,46\n')]);
    expect(unknown.stderr).toContain('unknown column "shoe_size"; the columns are: first_name, last_name');
    expect(unknown.code).toBe(2);
  }, 30_000);
});
