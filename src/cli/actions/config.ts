/** `agent-console config get|set|path`. */
import { openSettings, parseValue } from '../config.js';

export function configGet(key?: string): void {
  const settings = openSettings();
  const value = key ? settings.get(key as never) : settings.store;
  process.stdout.write(`${value === undefined ? '' : JSON.stringify(value, null, 2)}\n`);
}

export function configSet(key: string, value: string): void {
  openSettings().set(key as never, parseValue(value) as never);
}

export function configPath(): void {
  process.stdout.write(`${openSettings().path}\n`);
}
