/**
 * Rich text (rich-text.ts) as plain characters, for a terminal: superscript
 * and subscript with the Unicode characters made for them when every
 * character has one (10⁵, H₂O), else marked "^(…)" / "_(…)" so nothing reads
 * as ordinary text (1^(st) rather than "1st" looking like a typo, 105).
 * Shared by the console's renderer and the customer chat CLI.
 */
import type { Inline } from './rich-text.js';

const SUP: Record<string, string> = Object.fromEntries(
  [...'0123456789+-=()abcdefghijklmnoprstuvwxyz'].map((c, k) => [c, [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'][k]!]),
);
const SUB: Record<string, string> = Object.fromEntries(
  [...'0123456789+-=()aehijklmnoprstuvx'].map((c, k) => [c, [...'₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'][k]!]),
);

/** The text of a superscript or subscript inline (others unchanged). */
export function inlineText(inl: Inline): string {
  const kind = inl.sup ? 'sup' : inl.sub ? 'sub' : null;
  if (!kind) return inl.text;
  const table = kind === 'sup' ? SUP : SUB;
  const chars = [...inl.text];
  if (chars.every((c) => table[c] !== undefined)) return chars.map((c) => table[c]).join('');
  return `${kind === 'sup' ? '^' : '_'}(${inl.text})`;
}
