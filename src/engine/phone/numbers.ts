/**
 * Phone numbers and SIP URIs as agents type them (DOMAIN.md, Phone). US
 * numbers: `5102592675`, `15102592675`, `1-510-259-2675`, `1(510)259-2675`;
 * elsewhere `+`, the country code, then the number. Dashes, spaces and
 * parentheses are allowed anywhere a person would put them. Everything is
 * normalized to E.164 (`+15102592675`) before it reaches the switch.
 */
import { fail, ok, type Result } from '../kernel/result.js';

export const NUMBER_FORMATS_HINT =
  'Use a US number such as 5102592675, 15102592675, 1-510-259-2675 or 1(510)259-2675, or + and the country code (e.g. +44 20 7946 0958).';

/** Validates a typed phone number and returns it in E.164 form. */
export function normalizeNumber(input: string): Result<string> {
  const raw = input.trim();
  if (raw === '') return fail('VALIDATION', `Enter a phone number. ${NUMBER_FORMATS_HINT}`);
  if (raw.length > 40) return fail('VALIDATION', 'That phone number is too long.');
  if (!/^\+?[0-9\s()-]+$/.test(raw)) return fail('VALIDATION', `"${raw}" has characters a phone number cannot have. ${NUMBER_FORMATS_HINT}`);
  if (!parenthesesOk(raw)) return fail('VALIDATION', `The parentheses in "${raw}" do not match. ${NUMBER_FORMATS_HINT}`);
  const digits = raw.replace(/[^0-9]/g, '');
  if (raw.startsWith('+')) {
    // E.164: a country code (never starting with 0) and at most 15 digits in all.
    if (!/^[1-9][0-9]{6,14}$/.test(digits)) return fail('VALIDATION', `"${raw}" is not a valid international number. ${NUMBER_FORMATS_HINT}`);
    if (digits.startsWith('1') && !usNational(digits.slice(1)))
      return fail('VALIDATION', `"${raw}" is not a valid North American number (+1 and 10 digits). ${NUMBER_FORMATS_HINT}`);
    return ok(`+${digits}`);
  }
  if (digits.length === 10 && usNational(digits)) return ok(`+1${digits}`);
  if (digits.length === 11 && digits.startsWith('1') && usNational(digits.slice(1))) return ok(`+${digits}`);
  return fail('VALIDATION', `"${raw}" is not a valid phone number. ${NUMBER_FORMATS_HINT}`);
}

/** Ten digits: area code and exchange both start with 2–9 (NANP). */
function usNational(ten: string): boolean {
  return /^[2-9][0-9]{2}[2-9][0-9]{6}$/.test(ten);
}

/** At most one level of parentheses, each pair around digits only. */
function parenthesesOk(raw: string): boolean {
  let open = false;
  for (const ch of raw) {
    if (ch === '(') {
      if (open) return false;
      open = true;
    } else if (ch === ')') {
      if (!open) return false;
      open = false;
    } else if (open && !/[0-9]/.test(ch)) return false;
  }
  return !open;
}

/** `sip:user@host[:port]` (or `sips:`), as a softphone's address is written. */
export function normalizeSipUri(input: string): Result<string> {
  const raw = input.trim();
  const m = /^(sips?):([A-Za-z0-9._~+!$&'*=-]{1,64})@([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]+\])(?::([0-9]{1,5}))?$/.exec(raw);
  if (!m) return fail('VALIDATION', `"${raw}" is not a SIP URI: write it as sip:user@host or sip:user@host:port.`);
  const port = m[4] === undefined ? undefined : Number(m[4]);
  if (port !== undefined && (port < 1 || port > 65535)) return fail('VALIDATION', `Port ${m[4]} is out of range in "${raw}".`);
  return ok(`${m[1]!.toLowerCase()}:${m[2]}@${m[3]!.toLowerCase()}${port ? `:${port}` : ''}`);
}

/** DTMF digits an agent may send: 0–9, * and #. */
export function checkDigits(digits: string): Result<string> {
  if (!/^[0-9*#]{1,32}$/.test(digits)) return fail('VALIDATION', 'Keypad digits are 0–9, * and # (1 to 32 of them).');
  return ok(digits);
}
