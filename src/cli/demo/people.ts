/**
 * Invented customers for the demo. Most callers and chatters are the demo
 * CRM's customers (DEMO_CUSTOMERS, loaded into the CRM at the demo's first
 * start: their record pops); the others are strangers (the new-record form).
 */
import { prng } from './prng.js';

const FIRST = ['Olivia', 'Noah', 'Amara', 'Mateo', 'Yuki', 'Fatima', 'Liam', 'Sofia', 'Kwame', 'Priya', 'Lucas', 'Zoë', 'Omar', 'Hana', 'Diego', 'Ingrid', 'Tariq', 'Mei', 'Samuel', 'Aisha'];
const LAST = ['Nguyen', 'García', 'Smith', 'Kowalski', 'Tanaka', 'Okoye', 'Rossi', 'Dubois', 'Hansen', 'Patel', 'Müller', 'Silva', 'Cohen', 'Ivanova', 'Brown', 'Mensah'];
const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Foods', 'Hooli', 'Vandelay Imports'];
const STREETS = ['Main St', 'Oak Ave', 'Harbor Rd', 'Rue de Rivoli', 'King St W', 'Elm Ct'];
const CITIES = ['Lafayette, LA', 'Oakland, CA', 'Toronto, ON', 'Austin, TX', 'Seattle, WA'];
const SUBJECTS = ['Invoice INV-2291 looks wrong', 'Refund for order 55812', 'Change my payment card', 'Double charge this month', 'Question about my plan'];

export interface DemoCustomer {
  firstName: string;
  lastName: string;
  company?: string;
  phone: string;
  email: string;
  account: string;
  address: string;
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const phoneOf = (rnd: () => number): string => `+1 ${200 + Math.floor(rnd() * 700)} 555 ${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`;
const emailOf = (first: string, last: string, n: number): string =>
  `${first}.${last}${n}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.]/g, '') + '@example.net';

/** The demo CRM's customers: the same 60 at every start (a fixed seed). */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = (() => {
  const rnd = prng(20_240);
  return Array.from({ length: 60 }, (_, i) => {
    const firstName = pick(rnd, FIRST);
    const lastName = pick(rnd, LAST);
    return {
      firstName,
      lastName,
      ...(rnd() < 0.4 ? { company: pick(rnd, COMPANIES) } : {}),
      phone: phoneOf(rnd),
      email: emailOf(firstName, lastName, i),
      account: `AC-${100000 + i * 7919}`,
      address: `${1 + Math.floor(rnd() * 400)} ${pick(rnd, STREETS)}\n${pick(rnd, CITIES)}`,
    };
  });
})();

/** Who arrives on a queue of `media`: three times in four a demo CRM customer, else a stranger. */
export function customerFor(media: string, rnd: () => number) {
  const known = rnd() < 0.75 ? pick(rnd, DEMO_CUSTOMERS) : undefined;
  const name = known ? `${known.firstName} ${known.lastName}` : `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`;
  const phone = known?.phone ?? phoneOf(rnd);
  const email = known?.email ?? emailOf(name.split(' ')[0]!, name.split(' ')[1]!, 1000 + Math.floor(rnd() * 9000));
  const account = known && rnd() < 0.7 ? known.account : undefined;
  switch (media) {
    case 'email':
      return { name, email, account, subject: pick(rnd, SUBJECTS) };
    case 'chat':
      // The web chat's pre-chat form: an account number when the customer has one handy, else the email.
      return { name, ...(account ? { account } : { email }) };
    default:
      return { name, phone };
  }
}
