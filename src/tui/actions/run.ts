// Shared by every action: the handler type, and sending a client command with
// its refusal shown (sanitized) in the message line.
import type { CommandResult } from '../../client/index.js';
import type { ConsoleServices } from '../context.js';
import { safeErrorMessage } from '../safe-view.js';
import { showMessage } from '../ui-state.js';

export type Handler = (s: ConsoleServices) => void | Promise<void>;

/** Await a client command; a refusal goes to the message line. Resolves with whether it worked. */
export async function send(s: ConsoleServices, command: Promise<CommandResult>, okText?: string): Promise<boolean> {
  let result: CommandResult;
  try {
    result = await command;
  } catch (e) {
    result = { ok: false, error: { code: 'SERVER_ERROR', message: (e as Error).message } };
  }
  if (!result.ok) showMessage(s.ui, 'error', safeErrorMessage(result.error), s.clock.now());
  else if (okText) showMessage(s.ui, 'info', okText, s.clock.now());
  return result.ok;
}

export const info = (s: ConsoleServices, text: string): void => showMessage(s.ui, 'info', text, s.clock.now());
export const error = (s: ConsoleServices, text: string): void => showMessage(s.ui, 'error', text, s.clock.now());
