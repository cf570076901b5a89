// Binding scenarios of the CRM commands (spread into bindings.test.tsx). The
// console starts on a call from Olivia Brown, whose record pops in the CRM
// pane (6); the fake client answers the CRM's queries.
import { expect } from 'vitest';
import { KEY, waitFor, type ConsoleHarness } from '../helpers/render.js';
import { calls, type Scenario } from '../helpers/scenario.js';
import { answerAll, crmView } from './fixtures.js';

const view = crmView();
const base = { view, setup: answerAll };
/** The CRM pane with Olivia's record. */
const onCustomer = ['6'];
/** Her case (the first row of her record). */
const onCase = ['6', KEY.enter];
const shown = (h: ConsoleHarness, text: string) => waitFor(() => h.frame().includes(text));

export const CRM_SCENARIOS = {
  'global.crmSearch': { ...base, check: (h) => expect(h.frame()).toMatch(/6 CRM · Search[\s\S]*\/ ▌/) },
  'global.directory': {
    ...base,
    check: async (h) => {
      await shown(h, 'Benjamin O.');
      expect(h.frame()).toMatch(/Directory[\s\S]*2 agents[\s\S]*Benjamin O\.[\s\S]*Hugo B\. · Hugo Bernard · Billing/);
    },
  },
  'crm.search': {
    ...base,
    before: onCustomer,
    check: async (h) => {
      await h.type('oli');
      await waitFor(() => calls(h, 'crmSearch').length > 0);
      expect(calls(h, 'crmSearch')).toEqual([['oli']]);
      await shown(h, 'CAS-000001 Refund');
      expect(h.frame()).toMatch(/\/ oli▌[\s\S]*Olivia Brown · Acme/);
    },
  },
  'crm.open': {
    ...base,
    before: onCustomer,
    check: async (h) => {
      await shown(h, 'History');
      expect(calls(h, 'crmCase')).toEqual([['CAS-000001']]);
      expect(h.frame()).toMatch(/CAS-000001 · Refund for order 55812 · open[\s\S]*Wants a refund/);
    },
  },
  'crm.back': {
    ...base,
    before: onCase,
    check: async (h) => {
      await shown(h, 'Olivia Brown · Acme · CUS-000001');
      expect(h.frame()).not.toContain('History');
    },
  },
  'crm.new': { ...base, before: onCustomer, check: (h) => expect(h.frame()).toMatch(/New case[\s\S]*› Subject +▌/) },
  'crm.edit': { ...base, before: onCustomer, check: (h) => expect(h.frame()).toMatch(/Edit customer[\s\S]*› First name  Olivia▌[\s\S]*Phones      \+13375555827/) },
  'crm.followUp': { ...base, before: onCase, check: (h) => expect(h.frame()).toMatch(/New follow-up[\s\S]*› Text/) },
  'crm.call': { ...base, before: onCustomer, check: (h) => expect(h.frame()).toMatch(/Call Olivia Brown[\s\S]*Number: \+13375555827▌/) },
  'crm.task': { ...base, before: onCustomer, check: (h) => expect(h.frame()).toMatch(/New task[\s\S]*› Task[\s\S]*Due         YYYY-MM-DD/) },
  'crm.tasks': {
    ...base,
    before: onCustomer,
    check: async (h) => {
      await shown(h, 'Call back Mr Smith');
      expect(h.frame()).toMatch(/6 CRM · My tasks[\s\S]*My open tasks[\s\S]*○ Send the refund form  due 2025-01-20/);
    },
  },
  'crm.toggle': {
    ...base,
    before: onCase,
    check: async (h) => {
      await waitFor(() => calls(h, 'updateCase').length > 0);
      expect(calls(h, 'updateCase')).toEqual([['CAS-000001', { status: 'closed' }]]);
    },
  },
  'crm.link': { ...base, before: onCustomer, check: (h) => expect(calls(h, 'linkInteraction')).toEqual([['w1', { customerId: 'CUS-000001' }]]) },
  'crm.setCustomer': { ...base, before: onCase, check: (h) => expect(h.frame()).toMatch(/Pick the customer of CAS-000001/) },
  'crm.merge': { ...base, before: onCustomer, check: (h) => expect(calls(h, 'mergeCustomers')).toEqual([['CUS-000001', 'CUS-000002']]) },
  'crm.refresh': { ...base, before: onCustomer, check: (h) => expect(calls(h, 'crmCustomer').length).toBe(2) },
  'crmSearch.done': { ...base, before: ['C', 'o', 'l', 'i'], check: (h) => expect(h.frame()).toMatch(/\/ oli(?!▌)/) },
  'crmSearch.cancel': { ...base, before: ['C', 'o', 'l', 'i'], check: (h) => expect(h.frame()).not.toContain('oli') },
  'crmForm.next': { ...base, before: [...onCustomer, 'e'], check: (h) => expect(h.frame()).toContain('› Last name   Brown▌') },
  'crmForm.prev': { ...base, before: [...onCustomer, 'e'], check: (h) => expect(h.frame()).toMatch(/› Notes +Prefers calls in the morning\.▌/) },
  'crmForm.save': {
    ...base,
    before: [...onCustomer, 'n', 'R', 'e', 'f', 'u', 'n', 'd'],
    check: async (h) => {
      await waitFor(() => calls(h, 'openCase').length > 0);
      expect(calls(h, 'openCase')).toEqual([['Refund', { customerId: 'CUS-000001' }]]);
    },
  },
  'crmForm.force': {
    ...base,
    setup: (fake) => {
      answerAll(fake);
      fake.answerOnce('createCustomer', { ok: false, error: { code: 'DUPLICATE', message: 'This customer has the same email or phone as Olivia Brown (CUS-000001).', duplicates: [{ id: 'CUS-000001', name: 'Olivia Brown' }] } });
    },
    // Back to the search page, a new customer, saved: a duplicate.
    before: ['6', KEY.esc, 'n', 'L', 'i', 'v', KEY.ctrl('s')],
    check: async (h) => {
      await waitFor(() => calls(h, 'createCustomer').length === 2);
      expect(calls(h, 'createCustomer')[1]).toEqual([expect.objectContaining({ firstName: 'Liv' }), { force: true }]);
    },
  },
  'crmForm.newline': {
    ...base,
    before: [...onCase, 'f', 'h', 'i'],
    check: async (h) => {
      await h.type('there');
      await h.press(KEY.ctrl('s'));
      await waitFor(() => calls(h, 'addFollowUp').length > 0);
      expect(calls(h, 'addFollowUp')).toEqual([['CAS-000001', 'hi\nthere']]);
    },
  },
  'directory.call': {
    ...base,
    before: ['A'],
    check: (h) => expect(h.frame()).toMatch(/Dial[\s\S]*Number: \+1 510 555 0111▌/),
  },
} satisfies Record<string, Scenario>;
