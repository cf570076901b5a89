// The console's single key handler: turn the key into a chord, resolve it on
// the active screen through the keymap, run the command or type the key into
// the active text field. No pane has its own useInput, so precedence lives
// in one place (SCREENS in keymap-commands.ts).
import { useInput, useStdin } from 'ink';
import { useEffect, useRef } from 'react';
import { runCommand } from './actions/index.js';
import { info } from './actions/run.js';
import { TEXT_FIELDS, typeInto } from './actions/text-input.js';
import type { ConsoleServices } from './context.js';
import { resolveKey } from './keymap.js';
import { chordFromChar, chordFromInk, chordFromSequence, isKeyRun, isPlainRun, isTextKey, PasteReader, splitKeys, type InkKey } from './keys.js';
import { screenOf } from './ui-state.js';

const isTextScreen = (screen: string): screen is keyof typeof TEXT_FIELDS => Object.hasOwn(TEXT_FIELDS, screen);

/** Handle one key press (exported for tests that bypass Ink's input parsing). */
export function handleKey(s: ConsoleServices, input: string, chord: ReturnType<typeof chordFromInk>): void {
  const screen = screenOf(s.ui.get());
  const r = chord ? resolveKey(s.keymap, screen, chord) : null;
  if (r?.kind === 'command') {
    void runCommand(s, r.id);
  } else if (isTextScreen(screen) && (r?.kind === 'text' || (chord === null && input !== ''))) {
    // chord null with input: a key we cannot name (or a run's C1 control); the field sanitizes it.
    typeInto(s, screen, input, chord);
  }
}

/**
 * Several keys in one input: Ink passes a whole stdin read of plain characters
 * as one input, so keys typed while the console was busy ("s" then Enter, read
 * together as "s\r") come as one string. Each character is a key, handled in
 * order against the screen as the previous key left it (a command changes the
 * UI store synchronously: "s" opens the status menu, then Enter picks in it),
 * in a text field too: "hello\r" in the chat compose types hello, then Enter
 * sends. Only text between bracketed-paste markers is a paste (handlePaste).
 * In a text field, consecutive printable keys are typed in one update (the
 * same text as one by one: no printable key is bound above a field's text
 * layer, test/tui/key-runs.test.tsx checks it).
 *
 * On a terminal without bracketed paste, a paste and fast typing are the same
 * bytes, so a pasted line break there acts as Enter, and a paste on a pane as keys.
 */
export function handleKeyRun(s: ConsoleServices, run: string): void {
  const keys = splitKeys(run);
  for (let i = 0; i < keys.length; ) {
    const screen = screenOf(s.ui.get());
    if (isTextScreen(screen) && isTextKey(keys[i]!)) {
      let j = i + 1;
      while (j < keys.length && isTextKey(keys[j]!)) j++;
      typeInto(s, screen, keys.slice(i, j).join(''), null);
      i = j;
    } else {
      handleKey(s, keys[i]!, chordFromChar(keys[i]!));
      i++;
    }
  }
}

export const PASTE_IGNORED = 'Paste ignored: no text field here.';

/** A bracketed paste: typed into the active text field in one piece (the
 *  field sanitizes it, keeps line breaks if it is multi-line, cuts it to its
 *  maximum); anywhere else it is ignored, never run as keys. */
export function handlePaste(s: ConsoleServices, text: string): void {
  if (text === '') return;
  const screen = screenOf(s.ui.get());
  if (isTextScreen(screen)) typeInto(s, screen, text, null);
  else info(s, PASTE_IGNORED);
}

/**
 * Ink's useInput arguments: one key, or a run of keys read together. `raw` is
 * the input event as Ink read it (readPastes hands it over): a run of plain
 * characters is keys, an escape sequence one key or, unnamed (mouse, focus,
 * unknown CSI), nothing. Without it, useInput's input is all there is, with
 * the ESC stripped: "[I" or "OK" may be a sequence or two typed keys.
 */
export function handleInput(s: ConsoleServices, input: string, key: InkKey, raw?: string): void {
  if (raw === undefined) {
    if (isKeyRun(input, key)) handleKeyRun(s, input);
    else handleKey(s, input, chordFromInk(input, key));
  } else if (isPlainRun(raw)) {
    handleKeyRun(s, raw);
  } else {
    // Function keys (F1: help from anywhere) Ink reads but does not name: named from the raw sequence.
    const chord = chordFromInk(input, key) ?? chordFromSequence(raw);
    if (chord === null && raw.startsWith('\x1b')) return;
    handleKey(s, input, chord);
  }
}

interface InputEmitter {
  emit(event: string | symbol, ...args: unknown[]): boolean;
}

/**
 * Put a PasteReader in front of Ink's input events. Ink's App emits every
 * input event (one key, one run of plain text, one escape sequence, as read)
 * on the emitter it shares with useInput (useStdin's internal_eventEmitter,
 * Ink 6.8); we wrap its emit, so pastes (markers included) never reach
 * useInput. They must not: useInput parses each event before any handler can
 * ignore it, and it throws on sequences a hostile clipboard can hold (ESC[31m,
 * a colour: Ink 6.8 takes it for a Ctrl key with no name). Other events go to
 * useInput through `deliver`, with the raw event. Returns the undo.
 */
export function readPastes(
  emitter: InputEmitter,
  on: { paste(text: string): void; keys(run: string): void; deliver(raw: string, emit: () => void): void },
  now: () => number = () => 0,
): () => void {
  const reader = new PasteReader();
  const emit = emitter.emit;
  const wrapped = function (this: unknown, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'input' || typeof args[0] !== 'string') return emit.call(this, event, ...args);
    for (const step of reader.feed(args[0], now())) {
      if (step.kind === 'paste') on.paste(step.text);
      else if (step.kind === 'keys') on.keys(step.run);
      else on.deliver(step.input, () => emit.call(this, 'input', step.input));
    }
    return true;
  };
  emitter.emit = wrapped;
  return () => {
    if (emitter.emit === wrapped) emitter.emit = emit;
  };
}

export function useConsoleInput(s: ConsoleServices, isActive = true): void {
  const { internal_eventEmitter: emitter } = useStdin();
  const services = useRef(s);
  services.current = s;
  // The raw event useInput is parsing, and whether our handler (not Ink) threw on it.
  const raw = useRef<string | undefined>(undefined);
  const failed = useRef(false);
  useEffect(() => {
    if (!isActive || !emitter) return;
    return readPastes(emitter, {
      paste: (text) => handlePaste(services.current, text),
      keys: (run) => handleKeyRun(services.current, run),
      deliver(event, emit) {
        raw.current = event;
        failed.current = false;
        try {
          emit();
        } catch (e) {
          // Ink's own parsing threw (outside a paste, e.g. a terminal without
          // bracketed paste pasting a colour sequence): the event is no key, drop it.
          if (failed.current) throw e;
        } finally {
          raw.current = undefined;
          failed.current = false;
        }
      },
    }, () => services.current.clock.now());
  }, [emitter, isActive]);
  useInput((input, key) => {
    try {
      handleInput(s, input, key, raw.current);
    } catch (e) {
      failed.current = true;
      throw e;
    }
  }, { isActive });
}
