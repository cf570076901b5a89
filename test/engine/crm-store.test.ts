/**
 * The CRM's records beside the log: durable across restarts without being
 * in the snapshot, rebuilt from the log when its tables are gone, rolled
 * back with the events when an append fails; and search on them.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../src/engine/index.js';
import { crmHarness, type CrmHarness } from './crm-kit.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-store-'));
  dirs.push(dir);
  return join(dir, 'cc.db');
}

/** A customer, a case with a call log on it. */
function someRecords(h: CrmHarness): { customerId: string; caseId: string } {
  const customerId = h.customer({ firstName: 'Zoë', lastName: 'Faÿ', company: 'Crème Brûlée SARL', phones: ['+33 1 42 68 53 00'], emails: ['zoe@creme.example'] });
  const caseId = h.ok({ type: 'crm_open_case', agentId: 'a1', customerId, subject: 'Livraison en retard' }).caseId!;
  h.ok({ type: 'crm_add_follow_up', agentId: 'a1', caseId, text: 'Called the carrier.' });
  return { customerId, caseId };
}

describe('durability', () => {
  it('records survive a restart; memory holds only their counters', () => {
    const dbFile = tempDb();
    const h = crmHarness(dbFile);
    const { customerId, caseId } = someRecords(h);
    const before = { customer: h.engine.queries.crmCustomer(customerId), kase: h.engine.queries.crmCase(caseId) };
    h.engine.close();

    const again = crmHarness(dbFile);
    expect(again.engine.queries.crmCustomer(customerId)).toEqual(before.customer);
    expect(again.engine.queries.crmCase(caseId)).toEqual(before.kase);
    // Numbering goes on where it was.
    expect(again.customer({ lastName: 'Next' })).toBe('CUS-000002');
    expect(again.engine.queries.unsafeState().crm).toEqual({ next: { customer: 3, case: 2, followUp: 2, task: 1 }, threadOf: new Map(), threads: new Map() });
    again.engine.close();
  });

  it('tables lost (or of an older version) are rebuilt from the log at start', () => {
    const dbFile = tempDb();
    const h = crmHarness(dbFile);
    const { customerId, caseId } = someRecords(h);
    h.ok({ type: 'crm_update_customer', agentId: 'a1', customerId, changes: { notes: 'Rebuilt from the log' } });
    const before = { customer: h.engine.queries.crmCustomer(customerId), kase: h.engine.queries.crmCase(caseId) };
    h.engine.close();
    const db = new Database(dbFile);
    db.exec("DROP TABLE crm_customers; DELETE FROM projections WHERE name = 'crm'");
    db.close();

    const again = crmHarness(dbFile);
    expect(again.engine.queries.crmCustomer(customerId)).toEqual(before.customer);
    expect(again.engine.queries.crmCase(caseId)).toEqual(before.kase);
    expect(again.engine.queries.crmSearch('rebuilt').customers.map((c) => c.id)).toEqual([customerId]);
    again.engine.close();
  });

  it('a failed append rolls back the records with the events: the store never holds one without the other', () => {
    const dbFile = tempDb();
    const h = crmHarness(dbFile);
    h.customer({ lastName: 'Kept' });
    // The disk "fails" inside the transaction, after the CRM rows were written.
    const db = new Database(dbFile);
    db.exec("CREATE TRIGGER fail_crm BEFORE UPDATE ON projections WHEN NEW.seq > OLD.seq BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    db.close();
    expect(() => h.run({ type: 'crm_create_customer', agentId: 'a1', customer: { lastName: 'Lost' } })).toThrow(/disk I\/O error/);
    h.engine.close();

    const store = new SqliteEventStore(dbFile);
    const logged = [...store.readFrom(0)].filter((e) => e.type === 'crm.customer_created').length;
    store.close();
    const check = new Database(dbFile);
    const rows = (check.prepare('SELECT COUNT(*) AS n FROM crm_customers').get() as { n: number }).n;
    const indexed = (check.prepare("SELECT COUNT(*) AS n FROM crm_customers_fts WHERE crm_customers_fts MATCH 'lost'").get() as { n: number }).n;
    check.close();
    expect({ logged, rows, indexed }).toEqual({ logged: 1, rows: 1, indexed: 0 });
  });
});

describe('search', () => {
  function searchable(): { h: CrmHarness; zoe: string; caseId: string; bob: string } {
    const h = crmHarness();
    const { customerId: zoe, caseId } = someRecords(h);
    const bob = h.customer({ firstName: 'Bob', lastName: 'Stone', account: 'AC-77', address: '12 Rue de Rivoli, Paris' });
    return { h, zoe, caseId, bob };
  }
  const ids = (h: CrmHarness, q: string) => {
    const r = h.engine.queries.crmSearch(q);
    return [...r.customers.map((c) => c.id), ...r.cases.map((k) => k.id)];
  };

  it('any column, whatever the case or accents', () => {
    const { h, zoe, caseId, bob } = searchable();
    expect(ids(h, 'zoe')).toEqual([zoe, caseId]);
    expect(ids(h, 'ZOË FAY')).toEqual([zoe, caseId]);
    expect(ids(h, 'creme brulee')).toEqual([zoe, caseId]);
    expect(ids(h, 'rivoli')).toEqual([bob]);
    expect(ids(h, 'ac-77')).toEqual([bob]);
    expect(ids(h, 'zoe@creme')).toEqual([zoe]);
    expect(ids(h, 'livraison')).toEqual([caseId]);
    expect(ids(h, 'nobody')).toEqual([]);
  });

  it('phone numbers as typed, case numbers, one or two letters (start of a name)', () => {
    const { h, zoe, caseId, bob } = searchable();
    expect(ids(h, '42 68 53')).toEqual([zoe]);
    expect(ids(h, '+33142685300')).toEqual([zoe]);
    expect(ids(h, 'CAS-000001')).toEqual([caseId]);
    expect(ids(h, 'cas 1')).toEqual([caseId]);
    expect(ids(h, 'st')).toEqual([bob]);
    expect(ids(h, 'f')).toEqual([zoe]);
    // A short word beside a longer one narrows it.
    expect(ids(h, 'bob st')).toEqual([bob]);
    expect(ids(h, 'bob zz')).toEqual([]);
  });

  it('digits typed from the start of a phone number find it (with or without the country code); a key typed whole finds its customer alone', () => {
    const { h, zoe, bob } = searchable();
    const sam = h.customer({ firstName: 'Sam', lastName: 'Jones', phones: ['415 555 0123'], notes: 'Old number 4155550123 kept for reference' });
    const kim = h.customer({ firstName: 'Kim', lastName: 'Lee', phones: ['+1 415 555 0199'], emails: ['kim@lee.example'], notes: 'Asked about AC-77 (Bob); calls for Sam on 4155550123' });
    expect(ids(h, '415 55')).toEqual([sam, kim]);
    expect(ids(h, '1415555')).toEqual([sam, kim]);
    expect(ids(h, '+33 1 42')).toEqual([zoe]);
    // The whole number: its customer, not every record whose notes hold the digits.
    expect(ids(h, '(415) 555-0123')).toEqual([sam]);
    expect(ids(h, 'kim@lee.example')).toEqual([kim]);
    expect(ids(h, 'AC-77')).toEqual([bob]);
    // Digits in no phone number: the index still finds them anywhere.
    expect(ids(h, '4155550')).toEqual([sam, kim]);
    expect(ids(h, '5550123')).toEqual([kim, sam]);
  });

  it('is cut at the limit with "more"; an edited customer is found by the new text only', () => {
    const { h, zoe } = searchable();
    for (let i = 0; i < 25; i++) h.customer({ lastName: `Martin ${i}` });
    const r = h.engine.queries.crmSearch('martin', 20);
    expect(r.customers).toHaveLength(20);
    expect(r.more).toBe(true);
    // Names starting with it first, in name order.
    expect(r.customers.slice(0, 3).map((c) => c.name)).toEqual(['Martin 0', 'Martin 1', 'Martin 10']);
    h.ok({ type: 'crm_update_customer', agentId: 'a1', customerId: zoe, changes: { lastName: 'Dupont' } });
    expect(ids(h, 'fay')).toEqual([]);
    expect(ids(h, 'dupont')[0]).toBe(zoe);
  });
});
