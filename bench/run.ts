/**
 * Runs every `bench/*.bench.ts` in name order (`npm run bench`), or only
 * those whose name contains one of the arguments (`npm run bench -- routing`).
 * Each bench module exports a default async function that prints its
 * figures as JSON lines on stdout (progress goes to stderr). Benchmarks
 * print numbers; they never pass or fail on timing.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error(`no bench file matches ${filters.join(', ') || '*.bench.ts'}`);
  process.exit(1);
}

for (const file of files) {
  console.error(`# ${file}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default?: () => unknown };
  if (typeof mod.default === 'function') await mod.default();
}
