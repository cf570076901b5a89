// The terminal's capabilities, decided once from the environment: the table
// of known TERMs, the colour level (FORCE_COLOR, NO_COLOR, --theme, TERM=dumb,
// the terminal's colours; never CI), the locale's charset, notifications.
import { describe, expect, it } from 'vitest';
import { decideColorLevel, detectCaps, isUtf8Locale } from '../../../src/tui/screen/caps.js';

const tty = (env: Record<string, string>, themeFlag?: string) => decideColorLevel({ env, isTTY: true, themeFlag });

describe('colour level', () => {
  it.each<[Record<string, string>, number]>([
    [{ TERM: 'xterm-256color' }, 2],
    [{ TERM: 'xterm-256color', CI: 'true' }, 2], // a console on a terminal is interactive, in CI too
    [{ TERM: 'xterm-256color', CI: 'false' }, 2],
    [{ TERM: 'xterm-256color', COLORTERM: 'truecolor' }, 3],
    [{ TERM: 'xterm-direct' }, 3],
    [{ TERM: 'tmux-256color' }, 2],
    [{ TERM: 'screen-256color' }, 2],
    [{ TERM: 'xterm' }, 1],
    [{ TERM: 'linux' }, 1],
    [{ TERM: 'vt100' }, 0],
    [{ TERM: 'vt220', COLORTERM: 'truecolor' }, 0],
    [{ TERM: 'dumb' }, 0],
    [{}, 0],
    [{ TERM: 'some-new-terminal' }, 0],
    [{ TERM: 'xterm-256color', NO_COLOR: '1' }, 0],
    [{ TERM: 'xterm-256color', NO_COLOR: '' }, 2],
    [{ TERM: 'xterm-256color', FORCE_COLOR: '0' }, 0],
    [{ TERM: 'vt100', FORCE_COLOR: '1' }, 1],
    [{ TERM: 'dumb', FORCE_COLOR: '3' }, 3],
    [{ TERM: 'xterm', FORCE_COLOR: 'true', NO_COLOR: '1' }, 1],
  ])('%j → %i', (env, level) => {
    expect(tty(env)).toBe(level);
  });

  it('an explicit --theme overrides NO_COLOR, not TERM=dumb or FORCE_COLOR=0', () => {
    expect(tty({ TERM: 'xterm-256color', NO_COLOR: '1' }, 'default')).toBe(2);
    expect(tty({ TERM: 'dumb' }, 'default')).toBe(0);
    expect(tty({ TERM: 'xterm-256color', FORCE_COLOR: '0' }, 'default')).toBe(0);
  });

  it('no colour off a terminal unless forced', () => {
    expect(decideColorLevel({ env: { TERM: 'xterm-256color' }, isTTY: false })).toBe(0);
    expect(decideColorLevel({ env: { TERM: 'xterm-256color', FORCE_COLOR: '2' }, isTTY: false })).toBe(2);
  });
});

describe('locale', () => {
  it.each<[Record<string, string>, boolean]>([
    [{ LANG: 'en_US.UTF-8' }, true],
    [{ LANG: 'C.utf8' }, true],
    [{ LANG: 'C' }, false],
    [{}, false],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'C' }, false], // LC_ALL wins, as setlocale reads it
    [{ LANG: 'C', LC_CTYPE: 'fr_FR.UTF-8' }, true],
    [{ LANG: 'fr_FR.ISO-8859-1' }, false],
  ])('%j → UTF-8 %s', (env, utf8) => {
    expect(isUtf8Locale(env)).toBe(utf8);
  });

  it('--ascii forces ASCII in a UTF-8 locale', () => {
    expect(detectCaps({ env: { TERM: 'xterm', LANG: 'C.UTF-8' }, ascii: true }).unicode).toBe(false);
  });
});

describe('terminal modes from the table of known TERMs', () => {
  it('xterm-like terminals get everything, vt100 and the Linux console none of the extras', () => {
    expect(detectCaps({ env: { TERM: 'xterm-256color' } })).toMatchObject({ altScreen: true, syncOutput: true, bracketedPaste: true, titles: true, titleStack: true });
    expect(detectCaps({ env: { TERM: 'tmux-256color' } })).toMatchObject({ altScreen: true, bracketedPaste: true, titles: true, titleStack: false, tmux: true });
    for (const term of ['vt100', 'vt220', 'linux', 'dumb', '']) {
      expect(detectCaps({ env: { TERM: term } }), term).toMatchObject({ altScreen: false, syncOutput: false, bracketedPaste: false, titles: false, titleStack: false });
    }
  });

  it('nothing but cursor addressing when the output is not a terminal', () => {
    expect(detectCaps({ env: { TERM: 'xterm-256color' }, isTTY: false })).toMatchObject({ colorLevel: 0, altScreen: false, bracketedPaste: false, notify: null });
  });
});

describe('desktop notifications', () => {
  it.each<[Record<string, string>, string | null]>([
    [{ TERM: 'xterm-256color', TERM_PROGRAM: 'iTerm.app' }, 'osc9'],
    [{ TERM: 'xterm-256color', LC_TERMINAL: 'iTerm2' }, 'osc9'], // survives ssh
    [{ TERM: 'xterm-256color', TERM_PROGRAM: 'WezTerm' }, 'osc9'],
    [{ TERM: 'xterm-kitty' }, 'osc9'],
    [{ TERM: 'foot' }, 'osc777'],
    [{ TERM: 'xterm-256color', VTE_VERSION: '7600' }, 'osc777'],
    [{ TERM: 'tmux-256color', TMUX: '/tmp/tmux-0/default,1,0', VTE_VERSION: '7600' }, 'osc777'],
    [{ TERM: 'xterm-256color' }, null],
    [{ TERM: 'linux' }, null],
  ])('%j → %s', (env, protocol) => {
    expect(detectCaps({ env }).notify).toBe(protocol);
  });

  it('the user’s setting decides: off, or a protocol forced where detection cannot tell', () => {
    expect(detectCaps({ env: { TERM: 'xterm-256color', TERM_PROGRAM: 'iTerm.app' }, notifications: 'off' }).notify).toBeNull();
    expect(detectCaps({ env: { TERM: 'tmux-256color' }, notifications: 'osc9' }).notify).toBe('osc9');
  });
});
