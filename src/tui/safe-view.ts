// Ingress: the one place where text from the engine enters the console. Every
// string in the agent view (customer data, names, queue and code labels,
// notes, reasons, chat text, whatever a later protocol version adds) passes
// through the sanitizer here, exactly once; panes only ever see a SafeView.
//
// The walk is generic on purpose: a field added to the view tomorrow is
// sanitized without anyone remembering to list it. Strings are made single-
// line (and capped) except under MULTILINE keys. Ids pass through unchanged,
// since the engine only issues ids made of letters, digits, '.', '_' and '-'.
//
// The client's view is immutable with structural sharing, so results are
// memoized per source object: an unchanged queue keeps its identity across
// updates, and memoized panes comparing by reference stay quiet.
import type { AgentView } from '../client/index.js';
import type { WireError } from '../protocol/index.js';
import { sanitizeLine, sanitizeText } from './sanitize.js';

declare const SAFE: unique symbol;
/** An AgentView whose strings are all sanitized. */
export type SafeView = AgentView & { readonly [SAFE]: true };

/** Longest single-line field kept (code points); panes truncate further to fit. */
export const MAX_LINE = 300;
/** Keys whose strings keep their line breaks (still stripped of controls). */
const MULTILINE: ReadonlySet<string> = new Set(['notes', 'text', 'body', 'answer', 'html', 'signature', 'description', 'address']);

const cache = new WeakMap<object, unknown>();

function clean(value: unknown, key: string): unknown {
  if (typeof value === 'string') return MULTILINE.has(key) ? sanitizeText(value) : sanitizeLine(value, MAX_LINE);
  if (typeof value !== 'object' || value === null) return value;
  const hit = cache.get(value);
  if (hit !== undefined) return hit;
  let out: unknown;
  if (Array.isArray(value)) {
    // Items of a list are sanitized under the list's key (notes: string[] stays multi-line).
    out = value.map((item) => clean(item, key));
  } else {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) o[k] = clean(v, k);
    out = o;
  }
  cache.set(value, out);
  return out;
}

/** The sanitized view; same input object, same output object. */
export function safeView(v: AgentView): SafeView {
  return clean(v, '') as SafeView;
}

/**
 * The client as the console sees it: every command result (queue listings,
 * transcripts, error messages) passes through the same walk as the view. The
 * one other ingress besides the view, so it is sanitized here, once.
 */
export function safeClient<C extends object>(client: C): C {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args);
        return out instanceof Promise ? out.then((r) => clean(r, '')) : out;
      };
    },
  });
}

/** A command's error, made printable (the engine's message may quote user data). */
export function safeErrorMessage(error: Pick<WireError, 'message'> | undefined): string {
  return sanitizeLine(error?.message ?? 'unknown error', MAX_LINE);
}
