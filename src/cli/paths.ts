/** Where things live: the package's own files, and the user's data folder. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO_TENANT = fileURLToPath(new URL('../../fixtures/demo-tenant.json', import.meta.url));

/** The user's data folder (demo database, logs); AGENT_CONSOLE_DATA_DIR overrides it. */
export function dataDir(): string {
  const dir = process.env.AGENT_CONSOLE_DATA_DIR ?? envPaths('agent-console', { suffix: '' }).data;
  mkdirSync(dir, { recursive: true });
  return dir;
}
