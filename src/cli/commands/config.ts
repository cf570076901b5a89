/** `agent-console config get|set|path`: the user's settings (actions/config.ts reads and writes them). */
import type { Command } from 'commander';

export function registerConfig(program: Command): void {
  const config = program.command('config').description('read or change your settings (server profiles, theme, keys, bell...)');
  const settings = () => import('../actions/config.js');
  config
    .command('get [key]')
    .description('print one setting (dot paths work: servers.work.url), or all of them')
    .action(async (key?: string) => (await settings()).configGet(key));
  config
    .command('set <key> <value>')
    .description('change a setting; the value is JSON if it parses, else a string (e.g. config set bell false)')
    .action(async (key: string, value: string) => (await settings()).configSet(key, value));
  config
    .command('path')
    .description('print where the settings file is')
    .action(async () => (await settings()).configPath());
}
