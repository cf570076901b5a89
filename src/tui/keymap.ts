// The one keymap: commands and their default keys (keymap-commands.ts), the
// user's overrides merged in, resolved per screen. Help, the command palette,
// the key hints and the README key table are all generated from it, so a
// binding exists in exactly one place.
import {
  COMMANDS, CONTEXTS, FALLBACK, NOT_IN_PALETTE, SCREENS, TEXT,
  type CommandId, type CommandSpec, type ContextId, type Layer, type ScreenId,
} from './keymap-commands.js';
import { chordId, formatChord, parseChord, type Chord } from './keys.js';

export { COMMANDS, CONTEXTS, FALLBACK, SCREENS, TEXT };
export type { CommandId, CommandSpec, ContextId, ScreenId };

export type KeyOverrides = Readonly<Record<string, readonly string[]>>;

/** Config tools with dot paths (`config set keys.offer.accept ...`) store
 *  {"offer": {"accept": [...]}}; both that and {"offer.accept": [...]} work. */
export function flattenOverrides(raw: unknown, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [k, v] of Object.entries(raw)) {
    const id = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) Object.assign(out, flattenOverrides(v, id));
    else out[id] = v;
  }
  return out;
}

export interface Keymap {
  /** Context → chord id → command. */
  readonly bindings: ReadonlyMap<ContextId, ReadonlyMap<string, CommandId>>;
  /** Command → its effective chords, in the order written. */
  readonly keys: ReadonlyMap<CommandId, readonly Chord[]>;
  /** Unknown ids, unparsable chords and conflicts: shown at start, never thrown. */
  readonly problems: readonly string[];
}

const BY_ID = new Map<string, CommandSpec>(COMMANDS.map((c) => [c.id, c]));

export function commandSpec(id: CommandId): CommandSpec {
  return BY_ID.get(id)!;
}

/** Defaults with `overrides` ({"offer.accept": ["ctrl+a"]}) replacing a command's keys. */
export function buildKeymap(raw: KeyOverrides = {}): Keymap {
  const overrides = flattenOverrides(raw) as Record<string, readonly string[]>;
  const problems: string[] = [];
  const keys = new Map<CommandId, Chord[]>();
  for (const [id, list] of Object.entries(overrides)) {
    if (!BY_ID.has(id)) problems.push(`key override for unknown command "${id}"`);
    else if (!Array.isArray(list)) problems.push(`key override for "${id}" must be a list of keys`);
  }
  for (const c of COMMANDS) {
    const own = Object.hasOwn(overrides, c.id) && Array.isArray(overrides[c.id]);
    const texts = own ? overrides[c.id]! : c.keys;
    const chords: Chord[] = [];
    for (const t of texts) {
      try {
        chords.push(parseChord(String(t)));
      } catch (e) {
        problems.push(`"${c.id}": ${(e as Error).message}`);
      }
    }
    keys.set(c.id, chords);
  }
  // Overridden commands claim their keys first: a user's choice beats a default.
  const order = [...COMMANDS].sort((a, b) => Number(Object.hasOwn(overrides, b.id)) - Number(Object.hasOwn(overrides, a.id)));
  const bindings = new Map<ContextId, Map<string, CommandId>>();
  for (const ctx of Object.keys(CONTEXTS) as ContextId[]) bindings.set(ctx, new Map());
  for (const c of order) {
    const table = bindings.get(c.context)!;
    for (const chord of keys.get(c.id)!) {
      const k = chordId(chord);
      const taken = table.get(k);
      if (taken === undefined) table.set(k, c.id);
      else if (taken !== c.id) problems.push(`${formatChord(chord)} is bound to both "${taken}" and "${c.id}"; "${taken}" wins`);
    }
  }
  problems.push(...shadowedKeys(bindings));
  return { bindings, keys, problems };
}

/** Keys bound in two contexts that are active on the same screen: the lower
 *  one could never fire there. Reported once per pair of commands. */
function shadowedKeys(bindings: ReadonlyMap<ContextId, ReadonlyMap<string, CommandId>>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [screen, layers] of Object.entries(SCREENS) as [ScreenId, readonly Layer[]][]) {
    const owner = new Map<string, CommandId>();
    for (const layer of layers) {
      if (layer === TEXT) continue;
      for (const [k, id] of bindings.get(layer)!) {
        const first = owner.get(k);
        if (first === undefined) { owner.set(k, id); continue; }
        const pair = `${first}|${id}`;
        if (first === id || seen.has(pair)) continue;
        seen.add(pair);
        out.push(`${formatChord(parseChord(k))} is bound to both "${first}" and "${id}" (both active in ${screen}); "${first}" wins`);
      }
    }
  }
  return out;
}

/** A key a text field takes as typing: no Ctrl/Alt, and printable or an edit key. */
export function isTextChord(c: Chord): boolean {
  if (c.ctrl || c.alt) return false;
  return c.key.length === 1 || c.key === 'space' || c.key === 'backspace' || c.key === 'enter';
}

export type Resolution = { kind: 'command'; id: CommandId } | { kind: 'text' } | null;

/** What a key does on a screen: the first layer that binds it wins (the
 *  fallback layer last); a text layer swallows typing keys so that layers
 *  below never see them. */
export function resolveKey(keymap: Keymap, screen: ScreenId, chord: Chord): Resolution {
  const k = chordId(chord);
  for (const layer of [...(SCREENS[screen] as readonly Layer[]), FALLBACK]) {
    if (layer === TEXT) {
      if (isTextChord(chord)) return { kind: 'text' };
      continue;
    }
    const id = keymap.bindings.get(layer)!.get(k);
    if (id) return { kind: 'command', id };
  }
  return null;
}

/** Whether `id` is what its first key does on `screen` (e.g. "? opens help here"). */
export function resolvesTo(keymap: Keymap, screen: ScreenId, id: CommandId): boolean {
  const chord = keymap.keys.get(id)?.[0];
  const r = chord ? resolveKey(keymap, screen, chord) : null;
  return r?.kind === 'command' && r.id === id;
}

/** Help label of a command's keys: "a, Ctrl-Y"; '' when unbound. */
export function keysLabel(keymap: Keymap, id: CommandId): string {
  return (keymap.keys.get(id) ?? []).map(formatChord).join(', ');
}

export interface HelpRow { id: CommandId; keys: string; title: string; description: string }
export interface HelpSection { context: ContextId; title: string; note: string; rows: HelpRow[] }

/** Sections for the `?` overlay and the docs, in context order. */
export function helpSections(keymap: Keymap): HelpSection[] {
  return (Object.keys(CONTEXTS) as ContextId[]).flatMap((context) => {
    const rows = COMMANDS.filter((c) => c.context === context).map((c) => ({
      id: c.id, keys: keysLabel(keymap, c.id), title: c.title, description: c.description,
    }));
    return rows.length ? [{ context, ...CONTEXTS[context], rows }] : [];
  });
}

/** Key hints for the bottom line: hinted commands of the screen that apply
 *  now and that one of their keys reaches here, the offer's first (it waits
 *  on a countdown), then top layer first.
 *  `label` is the hint's short label (or the title). */
export function hintsFor(
  keymap: Keymap,
  screen: ScreenId,
  applies: (spec: CommandSpec) => boolean = () => true,
): { id: CommandId; keys: string; label: string }[] {
  const out: { id: CommandId; keys: string; label: string }[] = [];
  const layers = (SCREENS[screen] as readonly Layer[]).filter((l): l is ContextId => l !== TEXT);
  const isOffer = (l: ContextId): boolean => l === 'offer' || l === 'offerPane';
  for (const layer of [...layers.filter(isOffer), ...layers.filter((l) => !isOffer(l))]) {
    for (const c of COMMANDS as readonly CommandSpec[]) {
      if (c.context !== layer || !c.hint || !applies(c)) continue;
      // The first of its keys that does it here: in a text field a letter types, so "q Quit" becomes "Ctrl-C Quit" or no hint.
      const chord = keymap.keys.get(c.id as CommandId)?.find((k) => {
        const r = resolveKey(keymap, screen, k);
        return r?.kind === 'command' && r.id === c.id;
      });
      const label = typeof c.hint === 'string' ? c.hint : c.title;
      // Where the offer is shown its letters are hinted: their chord twins are not hinted twice.
      if (!chord || (layer === 'offer' && out.some((h) => h.label === label))) continue;
      out.push({ id: c.id as CommandId, keys: formatChord(chord), label });
    }
  }
  return out;
}

/** Commands the `:` palette offers (those that apply now, given `applies`). */
export function paletteCommands(applies: (spec: CommandSpec) => boolean = () => true): readonly CommandSpec[] {
  return (COMMANDS as readonly CommandSpec[]).filter((c) => !NOT_IN_PALETTE.has(c.context) && applies(c));
}

const cellText = (s: string): string => s.replace(/\|/g, '\\|');
const codeSpan = (s: string): string => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

/** The README's key table (Markdown), generated so it cannot drift. */
export function markdownKeyTable(keymap: Keymap = buildKeymap()): string {
  const lines = ['| Where | Keys | Command | What it does |', '|---|---|---|---|'];
  for (const s of helpSections(keymap)) {
    for (const r of s.rows) {
      const keys = (keymap.keys.get(r.id) ?? []).map((c) => codeSpan(formatChord(c))).join(' ') || '(palette)';
      lines.push(`| ${cellText(s.title)} | ${cellText(keys)} | ${cellText(r.title)} | ${cellText(r.description)} |`);
    }
  }
  return lines.join('\n') + '\n';
}
