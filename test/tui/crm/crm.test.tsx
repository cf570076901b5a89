// The CRM in the console: the screen pop (record, pick list, the new-record
// form, the three modes), the offer preview, the saved log, forms that name
// the bad field, search as you type, the directory, and hostile text.
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentView } from '../../../src/client/index.js';
import type { InteractionView } from '../../../src/protocol/index.js';
import { callView } from '../call/fixtures.js';
import { assertFits } from '../helpers/busy.js';
import { makeView, offer } from '../helpers/fixtures.js';
import { KEY, renderConsole, waitFor, type ConsoleHarness } from '../helpers/render.js';
import { calls } from '../helpers/scenario.js';
import { answerAll, callFromOlivia, caseRecord, crmView, customerRecord, DIRECTORY, OLIVIA, pop } from './fixtures.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

const withWork = (v: AgentView, w: InteractionView): AgentView => ({ ...v, offer: null, work: [w] });
const shown = (text: string | RegExp) => waitFor(() => (typeof text === 'string' ? h!.frame().includes(text) : text.test(h!.frame())));

describe('screen pop', () => {
  it('the offer previews the record; at accept the full record shows in the CRM pane, beside the call', async () => {
    const start = crmView({ work: [], offer: offer('w1', { customer: { name: 'Olivia Brown', phone: '+13375555827' }, crm: pop() }) });
    h = await renderConsole({ view: start, setup: answerAll, columns: 120, rows: 30 });
    expect(h.frame()).toContain('CRM: Olivia Brown · Acme · 1 open case');
    expect(calls(h, 'crmCustomer')).toEqual([]);
    h.fake!.setView(withWork(start, callFromOlivia()));
    await shown('6 CRM · Customer');
    expect(calls(h, 'crmCustomer')).toEqual([[OLIVIA.id]]);
    // Split layout: the CRM takes the place Contacts had; the call keeps the focus.
    expect(h.frame()).toMatch(/1 Interaction[\s\S]*6 CRM · Customer[\s\S]*Olivia Brown · Acme · CUS-000001/);
    expect(h.frame()).toMatch(/☎ \+13375555827 · ✉ olivia@example\.com · acct[\s│]*AC-864906/);
    expect(h.frame()).toMatch(/Possible duplicate: Liv Brown \(CUS-000002\) — m\s*│\n.*│merges it into this one/);
    expect(h.frame()).not.toContain('4 Contacts');
    await h.press('4');
    expect(h.frame()).toContain('4 Contacts');
    expect(h.frame()).not.toContain('6 CRM');
  });

  it('a case number given pops the case', async () => {
    h = await renderConsole({ view: crmView({ work: [callFromOlivia({ crm: pop({ caseId: 'CAS-000001' }) })] }), setup: answerAll });
    await h.press('6');
    await shown('History');
    expect(calls(h, 'crmCase')).toEqual([['CAS-000001']]);
    expect(h.frame()).toMatch(/CAS-000001 · Refund for order 55812 · open[\s\S]*Olivia Brown \(CUS-000001\) · owner Ana L\./);
    expect(h.frame()).toMatch(/\d\d:\d\d · Ana L\. · phone log · inbound[\s\S]*Wants a refund\.[\s\S]*\d\d:\d\d · Benjamin O\. · note/);
  });

  it('a new case with nothing on it yet says so as a case, not as a customer ("No cases or tasks yet.")', async () => {
    h = await renderConsole({
      view: crmView({ work: [callFromOlivia({ crm: pop({ caseId: 'CAS-000001' }) })] }),
      setup: (fake) => { answerAll(fake); fake.answer('crmCase', { ok: true, case: caseRecord({ followUps: [], tasks: [] }) }); },
    });
    await h.press('6');
    await shown('CAS-000001 · Refund for order 55812');
    expect(h.frame()).toContain('No follow-ups or tasks yet.');
    expect(h.frame()).not.toContain('No cases or tasks yet.');
  });

  it('several matches: a pick list; Enter links the interaction to the one chosen and opens it', async () => {
    const liv = { ...OLIVIA, id: 'CUS-000002', name: 'Liv Brown', company: undefined, openCases: 0 };
    const w = callFromOlivia({ crm: pop({ mode: 'edit', customerId: undefined, matches: [OLIVIA, liv] }) });
    h = await renderConsole({ view: crmView({ work: [w] }), setup: answerAll });
    await h.press('6');
    expect(h.frame()).toMatch(/Whose call is it\?[\s\S]*several customers match[\s\S]*Olivia Brown · Acme[\s\S]*Liv Brown/);
    // No form: one of them is the caller.
    expect(h.frame()).not.toContain('─ New customer');
    await h.press('j', KEY.enter);
    expect(calls(h, 'linkInteraction')).toEqual([['w1', { customerId: 'CUS-000002' }]]);
    await shown('6 CRM · Customer');
  });

  it('an unknown caller: the new customer\'s page at accept (no dialog over the call), its form prefilled one key away, back at wrap-up with the draft', async () => {
    const stranger = callFromOlivia({ customer: { name: 'Sam Jones Jr', phone: '+14155550123', account: 'AC-9' }, call: callView(), crm: pop({ mode: 'edit', customerId: undefined, matches: [] }) });
    h = await renderConsole({ view: crmView({ work: [] }), setup: answerAll, columns: 120, rows: 30 });
    h.fake!.setView(withWork(crmView(), stranger));
    await shown('6 CRM · New customer');
    expect(h.frame()).toMatch(/Sam Jones Jr is not in the CRM\.[\s\S]*First name: Sam Jones[\s\S]*Phones: \+14155550123[\s\S]*Account: AC-9/);
    expect(h.frame()).not.toContain('─ New customer');
    // The call keeps its keys.
    await h.press('m');
    expect(calls(h, 'mute')).toEqual([['w1', true]]);
    await h.press('6', 'n');
    expect(h.frame()).toMatch(/─ New customer[\s\S]*› First name  Sam Jones▌[\s\S]*Last name   Jr[\s\S]*Phones      \+14155550123[\s\S]*Account     AC-9/);
    await h.type(' Senior');
    await h.press(KEY.esc, '1');
    // Wrap-up: the page is back to be completed, the draft with it.
    h.fake!.setView(withWork(crmView(), { ...stranger, phase: 'wrapup', wrapUpDeadline: Date.now() + 30_000 }));
    await shown('is not in the CRM yet: 6 then n completes the record');
    await h.press('6', 'n');
    expect(h.frame()).toContain('Sam Jones Senior▌');
    await h.press(KEY.ctrl('s'));
    await waitFor(() => calls(h!, 'createCustomer').length > 0);
    expect(calls(h, 'createCustomer')).toEqual([[
      { firstName: 'Sam Jones Senior', lastName: 'Jr', company: '', phones: ['+14155550123'], emails: [], account: 'AC-9', address: '', notes: '' },
      { interactionId: 'w1' },
    ]]);
  });

  it('view mode with nobody known shows no form; "no pop" pops nothing at all', async () => {
    h = await renderConsole({ view: crmView({ work: [callFromOlivia({ crm: pop({ mode: 'view', customerId: undefined, matches: [] }) })] }), setup: answerAll });
    expect(h.frame()).not.toContain('─ New customer');
    h.unmount();
    h = await renderConsole({ view: crmView({ work: [] }), setup: answerAll });
    h.fake!.setView(withWork(crmView(), callFromOlivia({ crm: pop({ mode: 'none' }) })));
    await h.settle();
    expect(calls(h, 'crmCustomer')).toEqual([]);
    expect(h.frame()).not.toContain('─ New customer');
  });

  it('the saved log shows on its case, with a word when it has no customer yet', async () => {
    h = await renderConsole({ view: crmView({ work: [] }), setup: answerAll });
    h.fake!.setView((v) => ({ ...v, crmLogged: { interactionId: 'w1', caseId: 'CAS-000001', mode: 'edit' } }));
    await shown(/Log saved on CAS-000001 \(no customer yet: u in the CRM pane gives it one\)/);
    expect(calls(h, 'crmCase')).toEqual([['CAS-000001']]);
  });
});

describe('forms', () => {
  it('a refusal naming a field puts the cursor on it; the record is saved once right', async () => {
    h = await renderConsole({ view: crmView(), setup: answerAll });
    h.fake!.answerOnce('updateCustomer', { ok: false, error: { code: 'VALIDATION', message: 'emails[1]: "nope" is not an email address.', field: 'emails[1]' } });
    await h.press('6', 'e');
    expect(h.frame()).toContain('› First name  Olivia▌');
    await h.press(KEY.tab, KEY.tab, KEY.tab, KEY.tab);
    await h.type(', nope');
    await h.press(KEY.ctrl('s'));
    await shown('emails[1]: "nope" is not an email address.');
    expect(h.frame()).toContain('› Emails      olivia@example.com, nope▌');
    for (let i = 0; i < 6; i++) await h.press(KEY.backspace);
    await h.press(KEY.ctrl('s'));
    await shown('Customer saved.');
    expect(calls(h, 'updateCustomer')[1]).toEqual([OLIVIA.id, expect.objectContaining({ emails: ['olivia@example.com'], address: '1 Main St\nLafayette, LA' }), undefined]);
  });

  it('a duplicate is offered for merge: Enter adds the details to the existing customer', async () => {
    h = await renderConsole({ view: crmView({ work: [] }), setup: answerAll });
    h.fake!.answerOnce('createCustomer', { ok: false, error: { code: 'DUPLICATE', message: 'Same phone as Olivia Brown (CUS-000001).', duplicates: [{ id: OLIVIA.id, name: 'Olivia Brown' }] } });
    h.fake!.answerOnce('createCustomer', { ok: true, customerId: OLIVIA.id });
    await h.press('6', 'n');
    await h.type('Liv');
    await h.press(KEY.tab, KEY.tab, KEY.tab);
    await h.type('337 555 5827');
    await h.press(KEY.ctrl('s'));
    await shown('New customer: duplicate?');
    expect(h.frame()).toMatch(/Same phone as Olivia Brown[\s\S]*› Olivia Brown +CUS-000001/);
    await h.press(KEY.enter);
    await shown('Added to the existing customer.');
    expect(calls(h, 'createCustomer')[1]).toEqual([expect.objectContaining({ firstName: 'Liv', phones: ['337 555 5827'] }), { into: OLIVIA.id }]);
    await shown('6 CRM · Customer');
  });
});

describe('search and the directory', () => {
  it('results come as you type; only the answer to the last query is shown', async () => {
    h = await renderConsole({ view: crmView({ work: [] }), setup: answerAll });
    await h.press('C');
    await h.type('zo');
    await waitFor(() => calls(h!, 'crmSearch').length === 1);
    expect(calls(h, 'crmSearch')).toEqual([['zo']]);
    h.fake!.answerOnce('crmSearch', { ok: true, search: { customers: [{ ...OLIVIA, id: 'CUS-000009', name: 'Zoë Faÿ', company: undefined }], cases: [], more: true } });
    await h.type('e');
    await shown('Zoë Faÿ');
    expect(calls(h, 'crmSearch').at(-1)).toEqual(['zoe']);
    expect(h.frame()).toMatch(/\/ zoe▌[\s\S]*Customers[\s\S]*Zoë Faÿ[\s\S]*More match: type more to narrow\./);
    await h.press(KEY.enter, KEY.enter);
    await waitFor(() => calls(h!, 'crmCustomer').length > 0);
    expect(calls(h, 'crmCustomer')).toEqual([['CUS-000009']]);
  });

  it('the directory lists every agent; Enter chats with one of my group, not with another group', async () => {
    h = await renderConsole({ view: crmView({ work: [] }), setup: answerAll });
    await h.press('A');
    await shown('Hugo B.');
    expect(calls(h, 'directory')).toEqual([['', 200]]);
    await h.type('bill');
    await waitFor(() => calls(h!, 'directory').length === 2);
    expect(calls(h, 'directory')[1]).toEqual(['bill', 200]);
    await h.press(KEY.down, KEY.enter);
    await shown('You can chat with agents of your own group');
    await h.press(KEY.up, KEY.enter);
    expect(h.frame()).not.toContain('Directory');
    expect(h.frame()).toMatch(/Benjamin O\./);
  });

  it('at 80 columns a row cut short is spelled out whole under the list, direct number included', async () => {
    h = await renderConsole({ view: crmView({ work: [] }), setup: answerAll, columns: 80, rows: 24 });
    await h.press('A');
    await shown('Hugo B.');
    // The row itself cannot hold it all at this width…
    expect(h.frame()).not.toMatch(/› Benjamin O\..*\+1 510 555 0111/);
    // …so the entry under the cursor is written out in full below.
    expect(h.frame().replace(/[│\s]+/g, ' ')).toContain('Benjamin Okafor · Busy · ben@example.com · +1 510 555 0111');
  });
});

describe('hostile text in records', () => {
  const ESC = '\x1b';
  const EVIL = `${ESC}]52;c;ZXZpbA==\x07${ESC}[2J${ESC}]8;;https://evil.example/${ESC}\\x${ESC}]8;;${ESC}\\\u009b31m\u202Eexe\u200F`;
  const HUGE = `${EVIL}${'W'.repeat(5000)}`;
  const assertClean = (output: string): void => {
    const withoutSgr = output.replace(/\x1b\[[0-9;]*m/g, '');
    expect(withoutSgr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(withoutSgr).not.toContain('https://evil.example');
  };
  const evilCustomer = customerRecord({ firstName: `Eve${EVIL}`, lastName: HUGE, company: EVIL, notes: `${EVIL}\n${HUGE}`, address: `${EVIL}\n${EVIL}`, emails: [`${EVIL}@x.y`] });
  const evilCase = caseRecord({ subject: HUGE, followUps: [{ ...caseRecord().followUps[0]!, text: `${EVIL}\n${HUGE}` }] });

  it.each([
    ['the record and its cases', ['6']],
    ['a case and its history', ['6', KEY.enter]],
    ['the edit form', ['6', 'e']],
    ['search results', ['C', 'x']],
    ['the directory', ['A']],
  ])('%s: nothing escapes, the layout holds', async (_n, keys) => {
    h = await renderConsole({
      view: crmView({ work: [callFromOlivia({ customer: { name: HUGE }, crm: pop({ matches: [{ ...OLIVIA, name: HUGE, company: EVIL }] }) })] }),
      setup: (fake) => {
        answerAll(fake);
        fake.answer('crmCustomer', { ok: true, customer: evilCustomer });
        fake.answer('crmCase', { ok: true, case: evilCase });
        fake.answer('crmSearch', { ok: true, search: { customers: [{ ...OLIVIA, name: HUGE }], cases: [{ ...caseRecord(), subject: HUGE, customerName: EVIL }], more: false } });
        fake.answer('directory', { ok: true, directory: { entries: [{ ...DIRECTORY[0]!, displayName: HUGE, email: EVIL }], total: 1 } });
      },
    });
    await h.press(...keys);
    await h.settle();
    await new Promise((r) => setTimeout(r, 150));
    await h.settle();
    for (const frame of h.stdout.frames) assertClean(frame);
    assertFits(h.frame(), 80, 24);
  });
});

describe('layout', () => {
  it('an offer and the CRM fit at 80×24 and at 120×30', async () => {
    for (const [columns, rows] of [[80, 24], [120, 30]] as const) {
      h = await renderConsole({ view: crmView({ offer: offer('o1', { crm: pop() }) }), setup: answerAll, columns, rows });
      await h.press('6');
      assertFits(h.frame(), columns, rows);
      h.unmount();
    }
    h = undefined;
  });

  it('without the edit permission the form does not open', async () => {
    const v = makeView({ work: [callFromOlivia()] });
    h = await renderConsole({ view: v, setup: answerAll });
    await h.press('6', 'e');
    expect(h.frame()).not.toContain('Edit customer');
    expect(h.frame()).toContain('You do not have the permission to edit CRM records.');
  });
});
