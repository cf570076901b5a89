/**
 * Stack traces of the built program name the TypeScript sources and their
 * lines. Node's own source-map support (--enable-source-maps) reads and
 * decodes every map as each file loads, which costs a start of the console
 * about a fifth of its time; here a map is read only when a stack trace is
 * formatted (an error printed or logged), once per file.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  toString(): string;
}

const maps = new Map<string, SourceMap | null>();

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(new URL(`${file}.map`), 'utf8')) as never);
    } catch {
      map = null; // no map beside it (a library's own file, node:internal...)
    }
    maps.set(file, map);
  }
  return map;
}

/** One frame, its place swapped for the source's when the file has a map. */
function mapFrame(site: CallSite): string {
  const text = String(site);
  const file = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (!file?.startsWith('file:') || line === null || column === null) return text;
  const map = mapOf(file);
  const entry = map?.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
  if (entry?.originalSource === undefined) return text;
  const source = fileURLToPath(new URL(entry.originalSource, file));
  return text.replace(`${file}:${line}:${column}`, `${source}:${entry.originalLine! + 1}:${entry.originalColumn! + 1}`);
}

/** Installs the mapping for every error formatted from now on (unless Node's own source maps are on). */
export function mapStackTraces(): void {
  if (process.sourceMapsEnabled) return;
  Error.prepareStackTrace = (error: Error, sites: CallSite[]) =>
    `${Error.prototype.toString.call(error)}${sites.map((site) => `\n    at ${mapFrame(site)}`).join('')}`;
}
