/**
 * The tenant file: a malformed file gives a TenantError whose message names
 * the bad field; the shipped demo tenant loads and covers every media.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTenantFile, MEDIA, parseTenant, TenantError } from '../../src/engine/index.js';
import { agent, baseTenant } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'tenant-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function writeTenant(content: unknown): string {
  const file = join(dir, `tenant-${++n}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** Loads through a real file and returns the TenantError (failing if none is thrown). */
function errorOf(content: unknown): TenantError {
  const file = writeTenant(content);
  try {
    loadTenantFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(TenantError);
    const err = e as TenantError;
    expect(err.source).toBe(file);
    expect(err.message).toContain(file);
    return err;
  }
  throw new Error('the tenant file was accepted');
}

/** A deep copy of the base tenant with one change. */
function tenantWith(change: (t: any) => void): unknown {
  const t = structuredClone(baseTenant()) as any;
  change(t);
  return t;
}

describe('tenant file: errors name the bad field', () => {
  it('the base test tenant itself is valid', () => {
    expect(loadTenantFile(writeTenant(baseTenant())).agents.size).toBe(3);
  });

  it.each<[string, (t: any) => void, RegExp[]]>([
    ['accept timeout below 5 s', (t) => (t.queues[0].acceptTimeoutSec = 2), [/queues\[0\]\.acceptTimeoutSec/]],
    ['accept timeout not a number', (t) => (t.queues[2].acceptTimeoutSec = '20'), [/queues\[2\]\.acceptTimeoutSec/]],
    ['wrap-up over 60 min', (t) => (t.queues[1].wrapUpSec = 3601), [/queues\[1\]\.wrapUpSec/]],
    ['DAR wrap-up over 60 min', (t) => (t.directRouting = { wrapUpSec: 4000 }), [/directRouting\.wrapUpSec/]],
    ['unknown media', (t) => (t.queues[0].media = 'fax'), [/queues\[0\]\.media/]],
    ['unknown group', (t) => (t.agents[1].group = 'nope'), [/agents\[1\]\.group/, /unknown group "nope"/]],
    ['unknown supervised group', (t) => Object.assign(t.agents[0], { role: 'supervisor', supervises: ['g9'] }), [/agents\[0\]\.supervises\[0\]/, /"g9"/]],
    ['supervising without the role', (t) => (t.agents[0].supervises = ['g2']), [/agents\[0\]\.supervises/, /supervisor/]],
    ['unknown agent in a queue', (t) => t.queues[0].agents.push('ghost'), [/queues\[0\]\.agents\[3\]/, /unknown agent "ghost"/]],
    ['unknown queue supervisor', (t) => (t.queues[3].supervisors = ['boss']), [/queues\[3\]\.supervisors\[0\]/, /"boss"/]],
    ['duplicate agent ids', (t) => t.agents.push(agent('a1')), [/agents: duplicate id "a1"/]],
    ['duplicate queue ids', (t) => t.queues.push({ ...t.queues[0] }), [/queues: duplicate id "phone"/]],
    ['duplicate group ids', (t) => t.groups.push({ id: 'g1', name: 'Again' }), [/groups: duplicate id "g1"/]],
    ['duplicate code ids across a queue\'s lists', (t) => t.queues[2].codeLists[1].codes.push({ id: 'sales', label: 'Again' }), [/queues\[2\]\.codeLists codes: duplicate id "sales"/]],
    ['duplicate direct access number', (t) => (t.agents[0].directAccessNumber = '5105550100'), [/agents\[2\]\.directAccessNumber/, /"a1"/]],
    ['agent maxConcurrentChats > 6', (t) => (t.agents[0].permissions.maxConcurrentChats = 7), [/agents\[0\]\.permissions\.maxConcurrentChats/]],
    ['tenant maxConcurrentChats > 6', (t) => (t.limits = { maxConcurrentChats: 7 }), [/limits\.maxConcurrentChats/]],
    ['missing password hash', (t) => delete t.agents[2].passwordHash, [/agents\[2\]\.passwordHash/]],
    ['bad id characters', (t) => (t.agents[0].id = 'a 1'), [/agents\[0\]\.id/]],
    ['unknown recording permission', (t) => (t.agents[1].permissions = { recording: 'always' }), [/agents\[1\]\.permissions\.recording/]],
    ['status codes for an unknown status', (t) => (t.statusCodes = { napping: [{ id: 'x', label: 'X' }] }), [/statusCodes/]],
    ['empty code list', (t) => (t.queues[2].codeLists[0].codes = []), [/queues\[2\]\.codeLists\[0\]\.codes/]],
    ['no groups', (t) => (t.groups = []), [/groups/]],
  ])('%s', (_what, change, patterns) => {
    const err = errorOf(tenantWith(change));
    for (const p of patterns) expect(err.message).toMatch(p);
    expect(err.problems.length).toBeGreaterThan(0);
  });

  it('lists every problem at once, one per line', () => {
    const err = errorOf(
      tenantWith((t) => {
        t.queues[0].acceptTimeoutSec = 1;
        t.agents[0].permissions.maxConcurrentChats = 9;
      }),
    );
    expect(err.problems).toHaveLength(2);
    expect(err.message.split('\n').filter((l) => l.trim().startsWith('- '))).toHaveLength(2);
  });

  it('reports cross-reference problems together', () => {
    const err = errorOf(
      tenantWith((t) => {
        t.agents[1].group = 'nope';
        t.queues[1].agents = ['ghost'];
      }),
    );
    expect(err.problems.some((p) => p.startsWith('agents[1].group'))).toBe(true);
    expect(err.problems.some((p) => p.startsWith('queues[1].agents[0]'))).toBe(true);
  });

  it('not JSON', () => {
    const err = errorOf('{ "id": "t", ');
    expect(err.message).toMatch(/not valid JSON/);
  });

  it('not an object at all', () => {
    const err = errorOf('[1, 2, 3]');
    expect(err.problems.length).toBeGreaterThan(0);
  });

  it('a missing file', () => {
    const file = join(dir, 'does-not-exist.json');
    let caught: unknown;
    try {
      loadTenantFile(file);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TenantError);
    expect((caught as TenantError).message).toContain(file);
    expect((caught as TenantError).message).toMatch(/cannot read/);
  });

  it('parseTenant (already-parsed JSON) names its source', () => {
    expect(() => parseTenant({ id: 't' }, 'inline')).toThrow(/^inline: invalid tenant file/);
    expect(() => parseTenant({ id: 't' }, 'inline')).toThrow(TenantError);
  });
});

describe('tenant file: defaults', () => {
  it('fills in documented defaults', () => {
    const t = parseTenant({
      id: 't',
      name: 'T',
      groups: [{ id: 'g', name: 'G' }],
      agents: [agent('x', { group: 'g' })],
      queues: [{ id: 'q', name: 'Q', media: 'chat', agents: ['x'] }],
    });
    expect(t.config.limits.maxConcurrentChats).toBe(6);
    expect(t.config.disconnectGraceSec).toBe(90);
    expect(t.queues.get('q')).toMatchObject({ priority: 50, acceptTimeoutSec: 20, wrapUpSec: 60, codeLists: [] });
    expect(t.agents.get('x')!.permissions).toMatchObject({ rejectOffers: false, recording: 'none', maxConcurrentChats: 3 });
    expect(t.maxChats('x')).toBe(3);
    expect(t.queuesOfAgent.get('x')).toEqual(['q']);
  });
});

describe('tenant: contacts', () => {
  it("an agent's contacts are its group's other agents; a supervisor's add the supervised groups, in tenant-file order", () => {
    const t = parseTenant({
      id: 't',
      name: 'T',
      groups: ['g1', 'g2', 'g3'].map((id) => ({ id, name: id })),
      agents: [
        agent('b', { group: 'g2' }),
        agent('sup', { group: 'g1', role: 'supervisor', supervises: ['g2', 'g3'] }),
        agent('c', { group: 'g3' }),
        agent('a', { group: 'g1' }),
        agent('d', { group: 'g2' }),
      ],
      queues: [{ id: 'q', name: 'Q', media: 'chat', agents: ['a'] }],
    });
    expect(t.contactsOf('a')).toEqual(['sup']);
    expect(t.contactsOf('b')).toEqual(['d']);
    expect(t.contactsOf('sup')).toEqual(['b', 'c', 'a', 'd']);
    expect(t.contactsOf('sup')).toEqual(t.config.agents.map((x) => x.id).filter((id) => t.canSee('sup', id)));
    expect(t.contactsOf('nobody')).toEqual([]);
  });
});

describe('fixtures/demo-tenant.json', () => {
  const demo = loadTenantFile(join(import.meta.dirname, '../../fixtures/demo-tenant.json'));

  it('loads, with at least 3 groups and 10 agents', () => {
    expect(demo.config.groups.length).toBeGreaterThanOrEqual(3);
    expect(demo.agents.size).toBeGreaterThanOrEqual(10);
  });

  it('has at least one queue of each of the 5 media', () => {
    const media = new Set(demo.config.queues.map((q) => q.media));
    for (const m of MEDIA) expect(media, m).toContain(m);
    expect(MEDIA).toHaveLength(5);
  });

  it('has codes, supervisors, staffed queues and direct numbers', () => {
    expect(demo.config.queues.some((q) => q.codeLists.some((l) => l.mandatory))).toBe(true);
    expect(demo.config.outboundCodes.length).toBeGreaterThan(0);
    expect(demo.config.agents.some((a) => a.role === 'supervisor')).toBe(true);
    for (const q of demo.config.queues) expect(q.agents.length, q.id).toBeGreaterThan(0);
    expect(demo.agentByDirectNumber.size).toBeGreaterThan(0);
  });
});
