// Several keys in one stdin read. A terminal sends one key per keystroke, but
// a console busy for a moment reads them together, and Ink hands the whole
// run of plain characters to useInput as ONE input: "s" then Enter came as
// "s\r", a string no chord matches, and both keys were lost (seen end to end
// under load: the agent stayed On Break, the menu never opened). Each test
// writes its keys in a single stdin write, as such a read delivers them.
import { afterEach, describe, expect, it } from 'vitest';
import { buildKeymap } from '../../src/tui/keymap.js';
import { SCREENS, TEXT, type Layer } from '../../src/tui/keymap-commands.js';
import { TEXT_FIELDS } from '../../src/tui/actions/text-input.js';
import { parseChord } from '../../src/tui/keys.js';
import { chatView } from './chat/fixtures.js';
import { interaction, makeView } from './helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';
import { calls as callsOf } from './helpers/scenario.js';

let h: ConsoleHarness | undefined;
afterEach(() => {
  h?.unmount();
  h = undefined;
});

const calls = (name: Parameters<typeof callsOf>[1]) => callsOf(h!, name);
const tabBar = () => h!.frame().split('\n')[1]!;

describe('keys read together act as the same keys read one by one', () => {
  it('"s" and Enter in one read: the status menu opens and Available is chosen', async () => {
    h = await renderConsole({ view: makeView({ self: { ...makeView().self!, status: 'on_break' } }) });
    expect(h.frame()).toMatch(/Ana L\.\s+● On Break/);
    await h.press(`s${KEY.enter}`);
    expect(calls('setStatus').map(([status]) => status)).toEqual(['available']);
    expect(h.frame()).not.toContain('─ Change status');
  });

  it('a menu walked in one read, then its second step in another', async () => {
    h = await renderConsole();
    await h.press(`sj${KEY.enter}`);
    expect(h.frame()).toContain('Reason for Working Offline');
    await h.press(`j${KEY.enter}`);
    expect(calls('setStatus')).toEqual([['working_offline', 'training']]);
  });

  it('each key acts on the screen the previous one left: pane keys, then a text field', async () => {
    h = await renderConsole();
    // 4: Contacts; /: search; then text, a Backspace (a key even in a field), more text.
    await h.press(`4/chx${KEY.backspace}l`);
    expect(h.frame()).toContain('/chl▌');
    expect(h.frame()).toContain('Chloé M.');
    expect(h.frame()).not.toContain('Benjamin O.');
  });

  it('the palette opened and searched in one read; Enter then runs the command', async () => {
    h = await renderConsole();
    await h.press(':log out');
    expect(h.frame()).toMatch(/Command palette[\s\S]*log out/);
    await h.press(KEY.enter);
    expect(calls('logout')).toHaveLength(1);
  });

  it('an escape sequence Ink cannot name stays one (ignored) key, never "[", "2", "0"...', async () => {
    h = await renderConsole();
    // Bracketed-paste start, an SGR mouse click, focus-in, an SS3 key: none has a name.
    await h.press('\x1b[200~', '\x1b[<0;3;4M', '\x1b[I', '\x1bOx');
    expect(tabBar()).toContain('[1 Interaction]');
    expect(h.fake!.calls).toEqual([]);
  });
});

describe('typed ahead into a text field, every key is a key (pastes come in markers: paste.test.tsx)', () => {
  it('chat compose: "hello" and Enter read together send hello', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press(KEY.enter);
    await h.press(`hello${KEY.enter}`);
    expect(calls('sendChat').map(([, text]) => text)).toEqual(['hello']);
  });

  it('chat compose: the text after an Enter read in the same run is the next message', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press(KEY.enter);
    await h.press('first line\r\nsecond line');
    expect(calls('sendChat').map(([, text]) => text)).toEqual(['first line']);
    await h.press(KEY.enter);
    expect(calls('sendChat').map(([, text]) => text)).toEqual(['first line', 'second line']);
  });

  it("notes: Enter is the field's new line, a Backspace and a Ctrl-S in the same read still act", async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { notes: '' })] }) });
    await h.press('n');
    await h.press(`line one\rline twox${KEY.backspace}${KEY.ctrl('s')}`);
    expect(calls('setNotes')).toEqual([['w1', 'line one\nline two']]);
  });

  it('no printable key is bound above the text layer of a field, so printable keys typed in one piece equal typing them', () => {
    const keymap = buildKeymap();
    const printable = [...'!"#$%&\'()*+,-./0123456789:;<=>?@[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~', 'space']
      .flatMap((k) => [parseChord(k), ...(/[a-z]/.test(k) && k.length === 1 ? [parseChord(k.toUpperCase())] : [])]);
    for (const [screen, layers] of Object.entries(SCREENS) as [string, readonly Layer[]][]) {
      if (!Object.hasOwn(TEXT_FIELDS, screen)) continue;
      expect(layers, screen).toContain(TEXT);
      for (const layer of layers.slice(0, layers.indexOf(TEXT)) as Exclude<Layer, typeof TEXT>[]) {
        const table = keymap.bindings.get(layer)!;
        for (const chord of printable) {
          const id = `${chord.shift ? 'shift+' : ''}${chord.key}`;
          expect(table.get(id), `${screen}: ${id} bound in ${layer}`).toBeUndefined();
        }
      }
    }
  });
});
