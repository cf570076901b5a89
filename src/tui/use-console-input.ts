// The console's single key handler: turn the key into a chord, resolve it on
// the active screen through the keymap, run the command or type the key into
// the active text field. No pane has its own useInput, so precedence lives
// in one place (SCREENS in keymap-commands.ts).
import { useInput } from 'ink';
import { runCommand } from './actions/index.js';
import { TEXT_FIELDS, typeInto } from './actions/text-input.js';
import type { ConsoleServices } from './context.js';
import { resolveKey } from './keymap.js';
import { chordFromChar, chordFromInk, isKeyRun, isPastedText, splitKeys, type InkKey } from './keys.js';
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

/**
 * Several keys in one input: Ink passes a whole stdin read of plain characters
 * as one input, so keys typed while the console was busy ("s" then Enter, read
 * together as "s\r") come as one string. Outside a text field each character
 * is a key, handled in order against the screen as the previous key left it
 * (a command changes the UI store synchronously: "s" opens the status menu,
 * then Enter picks in it). In a text field the text is a paste, typed in as
 * one piece (line breaks and tabs become the field's own); control keys in it
 * (Backspace, Ctrl-S, Ctrl-Y...) are still keys.
 *
 * Without bracketed paste, a paste and fast typing are the same bytes: Enter
 * typed ahead in a text field in the same read as the text before it is taken
 * as a pasted line break, never as "send" or "choose".
 */
export function handleKeyRun(s: ConsoleServices, run: string): void {
  const keys = splitKeys(run);
  for (let i = 0; i < keys.length; ) {
    const screen = screenOf(s.ui.get());
    if (isTextScreen(screen) && isPastedText(keys[i]!)) {
      let j = i + 1;
      while (j < keys.length && isPastedText(keys[j]!)) j++;
      typeInto(s, screen, keys.slice(i, j).join(''), null);
      i = j;
    } else {
      handleKey(s, keys[i]!, chordFromChar(keys[i]!));
      i++;
    }
  }
}

/** Ink's useInput arguments: one key, or a run of keys read together. */
export function handleInput(s: ConsoleServices, input: string, key: InkKey): void {
  if (isKeyRun(input, key)) handleKeyRun(s, input);
  else handleKey(s, input, chordFromInk(input, key));
}

export function useConsoleInput(s: ConsoleServices, isActive = true): void {
  useInput((input, key) => handleInput(s, input, key), { isActive });
}
