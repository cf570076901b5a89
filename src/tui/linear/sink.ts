// What linear mode writes to (output.ts on a terminal; tests record it): the
// console's services hold one when --linear is on.

/** A text field as linear mode echoes it: the prompt, then what is typed. */
export interface Field { prompt: string; text: string }

/** Who owns the echoed field: the console's text fields, or a dialog's input line. */
export type FieldOwner = 'ui' | 'dialog';

export interface LinearSink {
  say(lines: readonly string[]): void;
  /** The field being typed in (null: none any more, if `owner` had it). */
  field(owner: FieldOwner, f: Field | null): void;
}
