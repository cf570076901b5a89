/**
 * Text folded for search: lower-case, accents removed (é → e, ß → ss, œ →
 * oe...), so "Zoë" finds "zoe" and "ZOE" finds "Zoë". The CRM's index and
 * the directory both search folded text.
 */
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th' };

export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđłþ]/g, (c) => FOLDS[c] ?? c);
}
