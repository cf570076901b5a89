/** The built program's stack traces name the TypeScript sources (through dist/'s source maps, read only when a trace is printed). */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

it('an error thrown in the built program has a stack that names the source files and lines', () => {
  const main = pathToFileURL('dist/cli/main.js').href;
  const script = `
    const { buildProgram, mapStackTraces } = await import(${JSON.stringify(main)});
    mapStackTraces();
    try {
      await buildProgram().parseAsync(['node', 'agent-console', 'serve', '--tenant', '/no/such/tenant.json', '--db', ':memory:']);
    } catch (e) {
      console.log(e.stack);
    }`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stdout).toMatch(/^TenantError: /);
  expect(r.stdout).toMatch(/at \S*loadTenantFile \(\S*src\/engine\/tenant\/load\.ts:\d+:\d+\)/);
  expect(r.stdout).toMatch(/at \S*serve \(\S*src\/cli\/actions\/serve\.ts:\d+:\d+\)/);
  expect(r.stdout).not.toMatch(/dist\/chunks/);
});
