/**
 * `npm start --reset-demo`, without the `--`: npm takes the option for
 * itself (it only sets npm_config_reset_demo in the script's environment) and
 * passes the program nothing — or only the option's value, as "ben" of
 * `--demo-agent ben`. Said as a usage error with the line that works, rather
 * than a demo started without the option or "unknown command 'ben'".
 */
import { UsageError } from './errors.js';

/** The console's options a reader gives `npm start` (none is an npm setting of its own), and whether each takes a value. */
const CONSOLE_OPTIONS: Readonly<Record<string, boolean>> = {
  'reset-demo': false,
  'demo-agent': true,
  rate: true,
  theme: true,
  linear: false,
  ascii: false,
  notify: true,
  server: true,
  agent: true,
  profile: true,
  'connect-timeout': true,
};

/** Throws when npm ran the program as `npm start` and kept some of its options. */
export function checkNpmKeptOptions(env: NodeJS.ProcessEnv): void {
  if (env.npm_lifecycle_event !== 'start') return;
  const kept = Object.keys(CONSOLE_OPTIONS).filter((o) => env[`npm_config_${o.replace(/-/g, '_')}`] !== undefined);
  if (kept.length === 0) return;
  const typed = kept.map((o) => `--${o}${CONSOLE_OPTIONS[o] ? ' …' : ''}`).join(' ');
  throw new UsageError(`npm kept ${kept.map((o) => `--${o}`).join(', ')} for itself: it passes options to the program only after --, as in: npm start -- ${typed}`);
}
