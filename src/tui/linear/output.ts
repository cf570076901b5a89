// Linear mode's terminal: plain lines, one after the other, as a teletype
// would print them — no cursor addressing, no colour, no redraw, so a screen
// reader reads each line once, in order, and the scrollback is the session's
// transcript. A text field being typed in is echoed on its own line (the
// prompt, then each character as typed; Backspace rubs out with BS, space,
// BS); news arriving meanwhile is printed above it and the field's line is
// written again below, as a shell's line editor does.
import { sanitizeText } from '../sanitize.js';
import { cellWidth } from '../text/width.js';
import type { Field, FieldOwner, LinearSink } from './sink.js';

const NL = '\r\n';
const lines = (s: string): string => s.replaceAll('\n', NL);

export class LinearOutput implements LinearSink {
  private open: (Field & { owner: FieldOwner }) | null = null;
  /** The cursor is at the start of an empty line. */
  private atStart = true;

  /** `charset` makes text writable on this terminal (ASCII where the locale is not UTF-8). */
  constructor(private readonly write: (data: string) => void, private readonly charset: (text: string) => string) {}

  say(news: readonly string[]): void {
    if (news.length === 0) return;
    let out = this.atStart ? '' : NL;
    for (const line of news) out += this.text(line) + NL;
    out += this.fieldLine();
    this.atStart = this.fieldLine() === '';
    this.write(out);
  }

  field(owner: FieldOwner, f: Field | null): void {
    const o = this.open;
    if (!f) {
      if (o?.owner !== owner) return;
      this.open = null;
      if (!this.atStart) this.emit(NL, true);
      return;
    }
    const next = { owner, prompt: f.prompt, text: f.text };
    this.open = next;
    if (o && o.owner === owner && o.prompt === f.prompt) {
      if (f.text === o.text) return;
      const added = f.text.startsWith(o.text) ? f.text.slice(o.text.length) : null;
      const removed = o.text.startsWith(f.text) ? o.text.slice(f.text.length) : null;
      if (added !== null) return this.emit(this.text(added), added.endsWith('\n'));
      // One character rubbed out (Backspace); more at once (a message sent, a field cleared) starts the line afresh.
      if (removed !== null && [...removed].length === 1 && removed !== '\n') return this.emit('\b \b'.repeat(cellWidth(this.text(removed))), this.fieldLine() === '');
    }
    // Another field, or an edit not at the end: the field's line again, whole.
    this.emit((this.atStart ? '' : NL) + this.fieldLine(), this.fieldLine() === '');
  }

  /** The console is leaving: the shell's prompt starts on a line of its own. */
  end(): void {
    this.open = null;
    if (!this.atStart) this.emit(NL, true);
  }

  private fieldLine(): string {
    return this.open ? this.text(this.open.prompt + this.open.text) : '';
  }

  private emit(data: string, atStart: boolean): void {
    this.atStart = atStart;
    if (data !== '') this.write(data);
  }

  /** Plain printable text (the agent's own typing too: a paste may hold anything), line breaks as CR LF. */
  private text(s: string): string {
    return lines(this.charset(sanitizeText(s)));
  }
}
