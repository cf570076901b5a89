// The console's single key handler: turn the key into a chord, resolve it on
// the active screen through the keymap, run the command or type the key into
// the active text field. No pane has its own useInput, so precedence lives
// in one place (SCREENS in keymap-commands.ts).
import { useInput } from 'ink';
import { runCommand } from './actions/index.js';
import { TEXT_FIELDS, typeInto } from './actions/text-input.js';
import type { ConsoleServices } from './context.js';
import { resolveKey } from './keymap.js';
import { chordFromInk } from './keys.js';
import { screenOf } from './ui-state.js';

const isTextScreen = (screen: string): screen is keyof typeof TEXT_FIELDS => Object.hasOwn(TEXT_FIELDS, screen);

/** Handle one key press (exported for tests that bypass Ink's input parsing). */
export function handleKey(s: ConsoleServices, input: string, chord: ReturnType<typeof chordFromInk>): void {
  const screen = screenOf(s.ui.get());
  const r = chord ? resolveKey(s.keymap, screen, chord) : null;
  if (r?.kind === 'command') {
    void runCommand(s, r.id);
  } else if (isTextScreen(screen) && (r?.kind === 'text' || (chord === null && input !== ''))) {
    // chord null with input: a paste, or a key we cannot name; the field sanitizes it.
    typeInto(s, screen, input, chord);
  }
}

export function useConsoleInput(s: ConsoleServices, isActive = true): void {
  useInput((input, key) => handleKey(s, input, chordFromInk(input, key)), { isActive });
}
