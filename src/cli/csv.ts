/**
 * CSV as spreadsheets and CRMs write it (RFC 4180): fields separated by
 * commas, quoted when they hold a comma, a quote (doubled) or a line break;
 * lines ending in CRLF or LF (a line break inside a field becomes LF); a
 * UTF-8 byte-order mark tolerated. Each record
 * knows the file line it starts on, so errors can name it.
 */

export interface CsvRecord {
  /** The file line the record starts on (1-based). */
  line: number;
  fields: string[];
}

/** The records of a CSV text; an unterminated quote ends the file (its record is reported by the caller as malformed). */
export function parseCsv(text: string): { records: CsvRecord[]; unterminated?: number } {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < s.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    for (;;) {
      if (s[i] === '"') {
        // A quoted field: up to the closing quote ("" is a quote).
        i++;
        for (;;) {
          if (i >= s.length) return { records, unterminated: start };
          const c = s[i]!;
          if (c === '"') {
            if (s[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          // A line break inside a field is kept as \n, whichever system wrote the file.
          if (c === '\r' && s[i + 1] === '\n') {
            i++;
            continue;
          }
          field += c;
          i++;
        }
      }
      // Up to the next separator or the end of the line (text after a closing quote is kept as is).
      while (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') field += s[i++];
      fields.push(field);
      field = '';
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === '\r') i++;
      if (s[i] === '\n') i++;
      line++;
      break;
    }
    // Blank lines are no records.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { records };
}

/** One CSV line (with its line break), quoting what needs it. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((f) => (/[",\r\n]/.test(f) || /^\s|\s$/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')}\r\n`;
}
