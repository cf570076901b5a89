/**
 * Loads and cross-checks a tenant file. Structural errors come from the zod
 * schema; references between sections (an agent's group, a queue's agents)
 * are checked here, because a schema cannot see across arrays.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { Media } from '../work/media.js';
import { TenantSchema, type TenantConfig } from './schema.js';
import { numberKey, Tenant } from './tenant.js';

export class TenantError extends Error {
  override readonly name = 'TenantError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: invalid tenant file:\n  - ${problems.join('\n  - ')}`);
  }
}

function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
    .join('');
}

function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${pathOf(i.path) || '(root)'}: ${i.message}`);
}

function crossCheck(t: TenantConfig): string[] {
  const problems: string[] = [];
  const dup = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const x of ids) {
      if (seen.has(x)) problems.push(`${what}: duplicate id "${x}"`);
      seen.add(x);
    }
  };
  dup('groups', t.groups.map((g) => g.id));
  dup('agents', t.agents.map((a) => a.id));
  dup('queues', t.queues.map((q) => q.id));
  const groups = new Set(t.groups.map((g) => g.id));
  const agents = new Set(t.agents.map((a) => a.id));
  const dans = new Map<string, string>();
  t.agents.forEach((a, i) => {
    if (!groups.has(a.group)) problems.push(`agents[${i}].group: unknown group "${a.group}"`);
    a.supervises.forEach((g, j) => {
      if (!groups.has(g)) problems.push(`agents[${i}].supervises[${j}]: unknown group "${g}"`);
    });
    if (a.supervises.length && a.role !== 'supervisor')
      problems.push(`agents[${i}].supervises: only a supervisor can supervise groups`);
    if (a.directAccessNumber) {
      const other = dans.get(a.directAccessNumber);
      if (other) problems.push(`agents[${i}].directAccessNumber: already used by "${other}"`);
      dans.set(a.directAccessNumber, a.id);
    }
  });
  t.queues.forEach((q, i) => {
    for (const [field, list] of [['agents', q.agents], ['supervisors', q.supervisors]] as const)
      list.forEach((a, j) => {
        if (!agents.has(a)) problems.push(`queues[${i}].${field}[${j}]: unknown agent "${a}"`);
      });
    dup(`queues[${i}].codeLists`, q.codeLists.map((l) => l.id));
    // Code ids are unique across a queue's lists, so an interaction's codes are plain ids.
    dup(`queues[${i}].codeLists codes`, q.codeLists.flatMap((l) => l.codes.map((c) => c.id)));
  });
  const queues = new Map(t.queues.map((q) => [q.id, q.media]));
  const dialed = new Map<string, string>();
  const directNumbers = new Map([...dans].map(([dan, agentId]) => [numberKey(dan), agentId]));
  t.dialedNumbers.forEach((d, i) => {
    const fields: [keyof typeof d, Media][] = [['queueId', 'inbound_phone'], ['voicemailQueueId', 'voicemail'], ['callbackQueueId', 'outbound_phone']];
    for (const [field, media] of fields) {
      const queueId = d[field];
      if (queueId === undefined) continue;
      const found = queues.get(queueId);
      if (!found) problems.push(`dialedNumbers[${i}].${field}: unknown queue "${queueId}"`);
      else if (found !== media) problems.push(`dialedNumbers[${i}].${field}: queue "${queueId}" is ${found}, expected ${media}`);
    }
    const key = numberKey(d.number);
    if (dialed.has(key)) problems.push(`dialedNumbers[${i}].number: ${d.number} is listed twice`);
    if (directNumbers.has(key)) problems.push(`dialedNumbers[${i}].number: ${d.number} is the direct access number of "${directNumbers.get(key)}"`);
    dialed.set(key, d.queueId);
  });
  dup('faq', t.faq.map((f) => f.id));
  dup('apiKeys', t.apiKeys.map((k) => k.id));
  dup('apiKeys hashes', t.apiKeys.map((k) => k.hash));
  dup('faq shortcuts', t.faq.flatMap((f) => (f.shortcut ? [f.shortcut.toLowerCase()] : [])));
  dup('directRouting.codeLists codes', t.directRouting.codeLists.flatMap((l) => l.codes.map((c) => c.id)));
  return problems;
}

/** Validates an already-parsed JSON value. */
export function parseTenant(value: unknown, source = 'tenant'): Tenant {
  const parsed = TenantSchema.safeParse(value);
  if (!parsed.success) throw new TenantError(source, zodProblems(parsed.error));
  const problems = crossCheck(parsed.data);
  if (problems.length) throw new TenantError(source, problems);
  return new Tenant(parsed.data);
}

/** Reads, parses and validates a tenant file; throws TenantError naming the bad field. */
export function loadTenantFile(file: string): Tenant {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TenantError(file, [`cannot read: ${(e as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TenantError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
  return parseTenant(json, file);
}
