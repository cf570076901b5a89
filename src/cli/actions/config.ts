/** `agent-console config get|set|path`. */
import { join } from 'node:path';
import { openSettings, parseValue, setSetting } from '../config.js';
import { UsageError } from '../errors.js';

export function configGet(key?: string): void {
  const settings = openSettings();
  const value = key ? settings.get(key as never) : settings.store;
  process.stdout.write(`${value === undefined ? '' : JSON.stringify(value, null, 2)}\n`);
}

/** Sets a setting the schema allows (exit 2 otherwise, saying what it takes); a theme must exist. */
export async function configSet(key: string, value: string): Promise<void> {
  const settings = openSettings();
  const parsed = parseValue(value);
  if (key === 'theme') {
    const { themeNames } = await import('../../tui/theme.js');
    const names = themeNames(join(settings.path, '..', 'themes'));
    if (!names.includes(String(parsed))) throw new UsageError(`config set theme: there is no theme "${value}"; themes are ${names.join(', ')}`);
  }
  setSetting(settings, key, parsed);
}

export function configPath(): void {
  process.stdout.write(`${openSettings().path}\n`);
}
