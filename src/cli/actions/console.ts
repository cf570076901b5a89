/**
 * The console against a running server (`--server`, `--profile`), and what
 * the demo shares with it: the console's options from the settings, and Ink
 * and React loaded while the connection is made rather than after.
 */
import { join } from 'node:path';
import type { EngineClient } from '../../client/client.js';
import { detectCaps, NOTIFY_SETTINGS, type NotifySetting } from '../../tui/screen/caps.js';
import { loadTheme, pickThemeName } from '../../tui/theme.js';
import { openSettings, settingsProblems, validSetting, type SettingsStore } from '../config.js';
import { UsageError } from '../errors.js';
import type { DateFormat } from '../../protocol/vocabulary.js';
import { connect, passwordFor, targetOf, tlsOptionsOf } from './connect.js';
import { showConnecting } from './connecting.js';

export interface ConsoleFlags {
  server?: string;
  agent?: string;
  profile?: string;
  theme?: string;
  bell: boolean;
  ascii?: boolean;
  linear?: boolean;
  notify?: string;
  ca?: string;
  connectTimeout: string;
  rate: string;
  demoAgent: string;
  resetDemo?: boolean;
}

export async function remoteConsole(flags: ConsoleFlags): Promise<number> {
  checkConsoleFlags(flags);
  const ui = loadConsoleUi();
  const { url, agent } = await targetOf(flags);
  const timeoutSec = Number(flags.connectTimeout);
  if (!(timeoutSec > 0)) throw new UsageError(`--connect-timeout: "${flags.connectTimeout}" is not a number of seconds > 0`);
  const wsOptions = await tlsOptionsOf(flags);
  const password = await passwordFor(agent);
  // Never a silent blank screen: the attempts are shown, and after the bound the answer is exit 4 with why.
  let stop = (): void => {};
  const client = await connect(
    { url, agent, password, clientName: 'agent-console', connectTimeoutMs: timeoutSec * 1000, wsOptions },
    // Linear mode (screen readers): plain lines, never a line rewritten in place.
    (c) => (stop = showConnecting(c, { url, agent, timeoutSec, lines: flags.linear === true || openSettings().get('linear') === true })),
  ).finally(() => stop());
  const settings = openSettings();
  // Remember servers that worked, so `--profile` can reuse them.
  const key = new URL(url).host.replace(/[^A-Za-z0-9-]/g, '_');
  if (!settings.get('servers')[key]) settings.set(`servers.${key}` as never, { url, agent } as never);
  try {
    return await runConsole(ui, client, flags, settings);
  } finally {
    client.close('console closed');
  }
}

type ConsoleUi = typeof import('../../tui/run.js');

/** Starts loading Ink, React and the panes now (the slowest part of a start), to overlap with connecting. */
export function loadConsoleUi(): Promise<ConsoleUi> {
  const ui = import('../../tui/run.js');
  ui.catch(() => {}); // awaited later, where a failure is reported
  return ui;
}

/** Opens the console on a connected client; resolves with the exit code when the agent quits. */
export async function runConsole(ui: Promise<ConsoleUi>, client: EngineClient, flags: ConsoleFlags, settings: SettingsStore): Promise<number> {
  // What the terminal can do, decided once: colour level, charset, modes, notifications (screen/caps.ts).
  const caps = detectCaps({ isTTY: process.stdout.isTTY === true, themeFlag: flags.theme, ascii: flags.ascii, notifications: notifyChoice(flags, settings) });
  const name = pickThemeName({ flag: flags.theme, config: validSetting(settings, 'theme'), colorLevel: caps.colorLevel });
  const { theme, error } = loadTheme(name, { userDir: join(settings.path, '..', 'themes') });
  // Said inside the console, where they stay readable; the console starts with the defaults in their place.
  const problems = [...settingsProblems(settings).map((p) => `Settings: ${p} (the default is used)`), ...(error ? [`Theme: ${error.message} (using the default)`] : [])];
  return (await ui).runConsole({
    client,
    caps,
    theme,
    keyOverrides: validSetting(settings, 'keys'),
    startupProblems: problems,
    bell: flags.bell && validSetting(settings, 'bell'),
    linear: flags.linear === true || validSetting(settings, 'linear'),
    favourites: validSetting(settings, 'favourites'),
    ...dateFormatChoice(settings),
    onFavouritesChange: (favourites: readonly string[]) => settings.set('favourites', [...favourites]),
  });
}

/** The saved date format, when there is a valid one (else the server's: the agent's profile, the tenant's default). */
function dateFormatChoice(settings: SettingsStore): { dateFormat?: DateFormat } {
  const saved = validSetting(settings, 'dateFormat');
  return saved ? { dateFormat: saved } : {};
}

const isNotifySetting = (v: unknown): v is NotifySetting => (NOTIFY_SETTINGS as readonly unknown[]).includes(v);

/** Flags wrong on their face: a usage error (exit 2) before anything starts or connects. */
export function checkConsoleFlags(flags: ConsoleFlags): void {
  if (flags.notify !== undefined && !isNotifySetting(flags.notify)) throw new UsageError(`--notify: "${flags.notify}" is not one of ${NOTIFY_SETTINGS.join(', ')}`);
}

/** --notify, else the setting; a bad setting is 'auto' (a saved value never stops the console; the console says what is wrong). */
function notifyChoice(flags: ConsoleFlags, settings: SettingsStore): NotifySetting {
  if (flags.notify !== undefined) return flags.notify as NotifySetting;
  return validSetting(settings, 'notifications');
}
