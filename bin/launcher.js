// @ts-check
// What bin/agent-console runs (that file is only the name npm links; this one is JavaScript that
// `npm run typecheck` and `npm run lint` check, against the sources' types).
// Runs the built program (dist/, made by `npm run build`; `npm ci` builds it through `prepare`).
// In a checkout (the build script is beside it), a dist/ older than its sources is rebuilt first,
// so what runs is always what the sources say.
import { existsSync } from 'node:fs';

// React's production build (about a fifth less CPU per key than the development one), unless asked otherwise.
process.env.NODE_ENV ??= 'production';
const buildScript = new URL('../scripts/build.mjs', import.meta.url);
if (existsSync(buildScript)) {
  /** @type {typeof import('../scripts/build.mjs')} */
  const { build, isStale } = await import(buildScript.href);
  if (isStale()) await build({ quiet: true });
}
// A computed specifier, so that the type checker reads the sources' types rather than the bundle.
const program = new URL('../dist/cli/main.js', import.meta.url).href;
/** @type {typeof import('../src/cli/main.js')} */
const { main, mapStackTraces } = await import(program);
// Stack traces name the TypeScript sources and their lines (from dist/'s source maps, read when a trace is printed).
mapStackTraces();
process.exitCode = await main(process.argv);
// Normally the event loop is empty now; if a stray handle remains, do not hang the shell.
setTimeout(() => process.exit(), 500).unref();
