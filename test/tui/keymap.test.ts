import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/tui/actions/index.js';
import {
  buildKeymap, COMMANDS, CONTEXTS, FALLBACK, helpSections, hintsFor, isTextChord, markdownKeyTable, paletteCommands, resolveKey, SCREENS,
  type CommandId, type ScreenId,
} from '../../src/tui/keymap.js';
import { parseChord } from '../../src/tui/keys.js';

const key = (s: string) => parseChord(s);

describe('keymap: defaults', () => {
  it('has no problems (no duplicate or shadowed keys on any screen)', () => {
    expect(buildKeymap().problems).toEqual([]);
  });

  it('namespaces every id by its context', () => {
    for (const c of COMMANDS) expect(c.id.split('.')[0] === c.context || (c.context === 'work' && c.id.startsWith('work.'))).toBe(true);
  });

  it('has unique ids, titles and a handler for every command', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    expect(new Set(paletteCommands().map((c) => c.title)).size).toBe(paletteCommands().length);
    expect(Object.keys(ACTIONS).sort()).toEqual(COMMANDS.map((c) => c.id).sort());
  });

  it('reaches every command: a key on some screen, or the palette', () => {
    const km = buildKeymap();
    for (const c of COMMANDS) {
      const reachable = (km.keys.get(c.id)?.length ?? 0) > 0 || paletteCommands().some((p) => p.id === c.id);
      expect(reachable, c.id).toBe(true);
    }
  });

  it('every context is used by some screen (the fallback by all of them)', () => {
    const used = new Set<string>([...Object.values(SCREENS).flat(), FALLBACK]);
    for (const ctx of Object.keys(CONTEXTS)) expect(used.has(ctx as never), ctx).toBe(true);
  });
});

describe('keymap: terminal keys', () => {
  it('Ctrl-L repaints on every screen, dialogs and text fields too (issue 24: the key to draw the screen again)', () => {
    const km = buildKeymap();
    for (const screen of Object.keys(SCREENS) as (keyof typeof SCREENS)[]) {
      expect(resolveKey(km, screen, key('ctrl+l')), screen).toEqual({ kind: 'command', id: 'terminal.repaint' });
    }
  });
});

describe('keymap: overrides', () => {
  it('replaces a command\'s keys', () => {
    const km = buildKeymap({ 'offer.accept': ['ctrl+a'] });
    expect(km.problems).toEqual([]);
    expect(resolveKey(km, 'queues', key('ctrl+a'))).toEqual({ kind: 'command', id: 'offer.accept' });
    expect(resolveKey(km, 'queues', key('a'))).toBeNull();
  });

  it('accepts the nested form config tools write for dotted paths', () => {
    const km = buildKeymap({ offer: { accept: ['ctrl+a'] } } as never);
    expect(km.problems).toEqual([]);
    expect(resolveKey(km, 'queues', key('ctrl+a'))).toEqual({ kind: 'command', id: 'offer.accept' });
  });

  it('an empty list unbinds (the palette still reaches it)', () => {
    const km = buildKeymap({ 'global.quit': [] });
    expect(resolveKey(km, 'queues', key('q'))).toBeNull();
    expect(km.problems).toEqual([]);
  });

  it('reports unknown ids and bad chords without throwing', () => {
    const km = buildKeymap({ 'nope.cmd': ['a'], 'offer.accept': ['ctrl+', 'hyper+z', 'a'] });
    expect(km.problems.some((p) => p.includes('unknown command "nope.cmd"'))).toBe(true);
    expect(km.problems.filter((p) => p.startsWith('"offer.accept"'))).toHaveLength(2);
    expect(resolveKey(km, 'queues', key('a'))).toEqual({ kind: 'command', id: 'offer.accept' });
  });

  it('reports a conflict inside one context; the override wins', () => {
    const km = buildKeymap({ 'queues.media': ['r'] });
    expect(km.problems).toHaveLength(1);
    expect(km.problems[0]).toMatch(/"queues.media" and "queues.relation"|"queues.media".*"queues.relation"/);
    expect(resolveKey(km, 'queues', key('r'))).toEqual({ kind: 'command', id: 'queues.media' });
  });

  it('reports a key shadowed by another context on the same screen', () => {
    const km = buildKeymap({ 'offer.accept': ['space'] });
    expect(km.problems.join('\n')).toMatch(/Space is bound to both "queues.toggle" and "offer.accept" \(both active in queues\)/);
  });
});

describe('keymap: resolving keys per screen', () => {
  const km = buildKeymap();
  const cases: [ScreenId, string, CommandId | 'text' | null][] = [
    ['queues', 'space', 'queues.toggle'],
    ['disposition', 'space', 'disposition.toggle'],
    ['contacts', 'enter', 'contacts.open'],
    ['interaction', 'a', 'offerPane.accept'],
    ['interaction', 'x', 'offerPane.reject'],
    ['interaction', 'ctrl+y', 'offer.accept'],
    ['interaction', 'j', 'list.down'],
    // A letter meant for another pane never answers an offer there; the offer's own chords do.
    ['queues', 'a', null],
    ['queues', 'x', null],
    ['contacts', 'x', null],
    ['disposition', 'a', null],
    ['queues', 'ctrl+y', 'offer.accept'],
    ['queues', 'ctrl+x', 'offer.reject'],
    ['notes', 'x', 'text'],
    ['compose', 'ctrl+x', 'offer.reject'],
    ['notes', 'a', 'text'],
    ['notes', 'enter', 'text'],
    ['notes', 'ctrl+y', 'offer.accept'],
    ['notes', 'esc', 'notes.done'],
    ['notes', 'tab', 'global.nextPane'],
    ['notes', '?', 'text'],
    ['search', 'j', 'text'],
    ['search', 'down', 'list.down'],
    ['search', 'enter', 'search.done'],
    ['palette', 'enter', 'dialog.select'],
    ['palette', 'q', 'text'],
    ['palette', 'backspace', 'text'],
    ['palette', 'ctrl+y', 'offer.accept'],
    ['help', 'q', 'help.close'],
    ['help', 'esc', 'help.close'],
    // Help has nothing to choose: Enter does nothing there (and no hint says otherwise).
    ['help', 'enter', null],
    ['help', 'tab', null],
    ['status', 's', null],
    ['quit', 'y', 'quit.confirm'],
  ];
  it.each(cases)('%s: %s → %s', (screen, k, expected) => {
    const r = resolveKey(km, screen, key(k));
    if (expected === null) expect(r).toBeNull();
    else if (expected === 'text') expect(r).toEqual({ kind: 'text' });
    else expect(r).toEqual({ kind: 'command', id: expected });
  });

  it('treats printable, space, backspace and enter as typing', () => {
    expect(['a', 'A', '1', '?', 'space', 'backspace', 'enter'].every((k) => isTextChord(key(k)))).toBe(true);
    expect(['ctrl+a', 'alt+x', 'tab', 'esc', 'up'].some((k) => isTextChord(key(k)))).toBe(false);
  });
});

describe('keymap: generated help, hints and README table', () => {
  const km = buildKeymap({ 'offer.accept': ['ctrl+a'] });

  it('help lists every command once, with the effective keys', () => {
    const rows = helpSections(km).flatMap((s) => s.rows);
    expect(rows.map((r) => r.id).sort()).toEqual(COMMANDS.map((c) => c.id).sort());
    expect(rows.find((r) => r.id === 'offer.accept')!.keys).toBe('Ctrl-A');
    expect(rows.find((r) => r.id === 'global.prevPane')!.keys).toBe('Shift-Tab');
  });

  it('hints follow the screen, top layer first, the offer before everything', () => {
    const h = hintsFor(km, 'queues');
    expect(h[0]).toMatchObject({ keys: 'Ctrl-A', label: 'Accept' });
    expect(h[2]).toMatchObject({ keys: 'Space', label: 'On/off' });
    expect(hintsFor(km, 'notes').map((x) => x.label)).toContain('Save');
    // Where the offer is shown, its letter is hinted and its chord is not hinted twice.
    const pane = hintsFor(km, 'interaction').filter((x) => x.label === 'Accept');
    expect(pane).toEqual([{ id: 'offerPane.accept', keys: 'a', label: 'Accept' }]);
  });

  it('hints only what applies now: the predicate decides', () => {
    const applies = (ids: string[]) => (c: { id: string; when?: string }) => !c.when || ids.includes(c.when);
    const labels = (ids: string[]) => hintsFor(km, 'interaction', applies(ids)).map((x) => x.label);
    expect(labels(['offer', 'canReject', 'callLive', 'canRecord'])).toEqual(expect.arrayContaining(['Accept', 'Reject', 'Record', 'Mute']));
    expect(labels(['offer'])).not.toContain('Reject');
    expect(labels([])).not.toContain('Accept');
    expect(labels([])).not.toContain('Write');
  });

  it('the Markdown table has a row per command and escapes pipes', () => {
    const md = markdownKeyTable(buildKeymap({ 'global.help': ['|'] }));
    const lines = md.trim().split('\n');
    expect(lines).toHaveLength(COMMANDS.length + 2);
    expect(md).toContain('| Everywhere | `\\|` | Help |');
    expect(md).toContain('| Offer in the Interaction pane | `a` |');
    expect(md).toContain('(palette)');
  });
});

describe('docs/keys.md', () => {
  // Regenerate with: UPDATE_KEY_DOCS=1 npx vitest run test/tui/keymap.test.ts
  it('is the generated key table', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = new URL('../../docs/keys.md', import.meta.url);
    const expected = `# Keys\n\nGenerated from \`src/tui/keymap-commands.ts\` by \`markdownKeyTable()\`; do not edit by hand.\nAny binding can be changed in the config (\`agent-console config set keys.offer.accept '["ctrl+a"]'\`);\nconflicts are reported when the console starts.\n\n${markdownKeyTable()}`;
    if (process.env.UPDATE_KEY_DOCS) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });
});

describe('README key table', () => {
  // Regenerate with: UPDATE_KEY_DOCS=1 npx vitest run test/tui/keymap.test.ts
  it('is the generated key table, between its markers', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = new URL('../../README.md', import.meta.url);
    const readme = readFileSync(file, 'utf8');
    const block = /<!-- keys:start -->\n[\s\S]*?<!-- keys:end -->/;
    expect(readme).toMatch(block);
    const expected = readme.replace(block, `<!-- keys:start -->\n${markdownKeyTable()}<!-- keys:end -->`);
    if (process.env.UPDATE_KEY_DOCS) writeFileSync(file, expected);
    expect(readme).toBe(expected);
  });
});
