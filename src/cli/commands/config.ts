/** `agent-console config get|set|path`: the user's settings. */
import type { Command } from 'commander';
import { openSettings, parseValue } from '../config.js';

export function registerConfig(program: Command): void {
  const config = program.command('config').description("read or change your settings (server profiles, theme, keys, bell...)");
  config
    .command('get [key]')
    .description('print one setting (dot paths work: servers.work.url), or all of them')
    .action((key?: string) => {
      const settings = openSettings();
      const value = key ? settings.get(key as never) : settings.store;
      process.stdout.write(`${value === undefined ? '' : JSON.stringify(value, null, 2)}\n`);
    });
  config
    .command('set <key> <value>')
    .description('change a setting; the value is JSON if it parses, else a string (e.g. config set bell false)')
    .action((key: string, value: string) => {
      openSettings().set(key as never, parseValue(value) as never);
    });
  config
    .command('path')
    .description('print where the settings file is')
    .action(() => {
      process.stdout.write(`${openSettings().path}\n`);
    });
}
