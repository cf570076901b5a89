#!/usr/bin/env node
/**
 * `npm run build`: bundles the program (src/cli/main.ts) and the libraries it
 * uses into dist/ with esbuild, so a start loads a few JavaScript files
 * instead of transpiling hundreds of TypeScript ones. `prepare` runs it, so
 * `npm ci` builds, and `npm pack` ships dist/.
 *
 * - One entry, split at every dynamic import: a command loads only the chunks
 *   its action imports (`--help` loads no engine, no Ink, no React).
 * - Dependencies are bundled too (loading one file beats resolving hundreds),
 *   except better-sqlite3 (a native add-on) and the optional add-ons ws and
 *   Ink look for. Their licences are collected in dist/THIRD-PARTY-LICENSES.md.
 * - Source maps (without the sources' text): bin/agent-console turns them on,
 *   so stack traces name the TypeScript files and lines; names are kept and
 *   nothing is minified, so even an unmapped trace reads.
 * - `import.meta.url` in a bundled source means the source file's own place
 *   (src/...), as it does when the sources run: the files it locates (themes,
 *   the demo tenant, the web chat page) are found the same way in both.
 *
 * package.json says `"sideEffects": false`, so that a chunk holds only the
 * modules whose exports are used: a module imported only for what it does
 * when loaded (`import './x.js'`) would be left out. There is none; keep it so.
 *
 * `node scripts/build.mjs --if-stale` builds only when a source is newer than
 * dist/ (bin/agent-console does that in a checkout, and so does the test setup).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST = join(ROOT, 'dist');
const INFO = join(DIST, 'build-info.json');
/** Files that change the build without being bundled sources. */
const BUILD_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];
/** Every output sits two folders below the package root (dist/cli/, dist/chunks/), like every source (src/<layer>/). */
const OUTPUT_DEPTH = 2;

/** What the build bundled (from build-info.json), or undefined when there is no build. */
function buildInfo() {
  try {
    return JSON.parse(readFileSync(INFO, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when dist/ is missing or older than a file it was built from (a source edited, added to an import, or deleted). */
export function isStale() {
  const info = buildInfo();
  if (!info) return true;
  for (const file of info.inputs) {
    let mtime;
    try {
      mtime = statSync(join(ROOT, file)).mtimeMs;
    } catch {
      return true;
    }
    if (mtime > info.builtAt) return true;
  }
  return false;
}

export async function build({ quiet = false } = {}) {
  const started = Date.now();
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/main.ts'],
    outbase: 'src',
    outdir: 'dist',
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate', 'react-devtools-core'],
    // React (and the libraries that ask) in their production builds; the tests run the sources with the development ones.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Bundled CommonJS libraries call require() (and a few read __dirname): give every ES module file both.
    banner: {
      js: [
        "import { createRequire as __acCreateRequire } from 'node:module';",
        "import { fileURLToPath as __acFileURLToPath } from 'node:url';",
        'const require = __acCreateRequire(import.meta.url);',
        'const __filename = __acFileURLToPath(import.meta.url);',
        "const __dirname = __acFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    sourcemap: 'linked',
    sourcesContent: false,
    keepNames: true,
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: quiet ? 'error' : 'warning',
    plugins: [sourceLocatedImportMeta()],
  });
  const written = writeOutputs(result.outputFiles);
  const inputs = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/'));
  writeLicences(Object.keys(result.metafile.inputs));
  writeAtomically(join(DIST, 'meta.json'), JSON.stringify(result.metafile));
  // builtAt is taken before the build started reading, so an edit made during the build counts as newer.
  writeAtomically(INFO, JSON.stringify({ builtAt: started, inputs: [...BUILD_INPUTS, ...inputs] }, null, 1));
  if (!quiet) process.stderr.write(`built dist/ (${written} files) in ${Date.now() - started} ms\n`);
}

/**
 * `import.meta.url` in a source file becomes that source's own URL, computed
 * from the output's place (OUTPUT_DEPTH below the root) so the package can be
 * moved or installed anywhere.
 */
function sourceLocatedImportMeta() {
  const up = '../'.repeat(OUTPUT_DEPTH);
  return {
    name: 'source-located-import-meta',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const fromRoot = relative(ROOT, args.path).split(sep).join('/');
        const here = `new URL(${JSON.stringify(up + fromRoot)}, import.meta.url).href`;
        return { contents: text.replaceAll('import.meta.url', here), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/**
 * Writes beside the final name, then renames in place: a program starting
 * meanwhile (a test running the binary while `npm pack` rebuilds) never reads
 * half a file, and two builds at once never share a temporary file.
 */
function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Writes every output, then removes what an older build left (another build's temporary files aside). */
function writeOutputs(files) {
  const keep = new Set([INFO, join(DIST, 'meta.json'), join(DIST, 'THIRD-PARTY-LICENSES.md')]);
  for (const file of files) {
    const depth = relative(ROOT, file.path).split(sep).length - 1;
    if (depth !== OUTPUT_DEPTH) throw new Error(`build: ${relative(ROOT, file.path)} is not ${OUTPUT_DEPTH} folders below the root`);
    mkdirSync(dirname(file.path), { recursive: true });
    writeAtomically(file.path, file.contents);
    keep.add(file.path);
  }
  for (const dir of new Set(files.map((f) => dirname(f.path))))
    for (const name of readdirSync(dir)) if (!keep.has(join(dir, name)) && !name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  return files.length;
}

/** The bundled libraries' names, versions and licence texts (MIT and friends ask for their notice to travel with the code). */
function writeLicences(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m && !packages.has(m[1])) packages.set(m[1], JSON.parse(readFileSync(join(ROOT, m[1], 'package.json'), 'utf8')));
  }
  const sections = [...packages]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name))
    .map(([dir, pkg]) => {
      const file = readdirSync(join(ROOT, dir)).find((n) => /^(licen[cs]e|copying)/i.test(n));
      const text = file ? readFileSync(join(ROOT, dir, file), 'utf8').trim() : `License: ${pkg.license ?? 'see the package'}`;
      return `## ${pkg.name} ${pkg.version}\n\n${text}\n`;
    });
  writeAtomically(join(DIST, 'THIRD-PARTY-LICENSES.md'), `# Libraries bundled into dist/\n\n${sections.join('\n')}`);
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  if (!(process.argv.includes('--if-stale') && !isStale())) await build();
}

