/**
 * The connecting screen: while the console reaches its server, one line on
 * stderr names the server, the attempt and the last error, and how long it
 * will keep trying, so a slow or absent server is never a silent blank
 * screen. On a terminal the line is rewritten in place and cleared once
 * connected; elsewhere (a log, a pipe) each attempt prints its own line.
 */
import type { EngineClient } from '../../client/client.js';
import { isUtf8Locale } from '../../tui/screen/caps.js';
import { terminalSafe } from '../terminal-safe.js';

export interface ConnectingOptions {
  url: string;
  agent: string;
  /** How long the console keeps trying (seconds), said on the line. */
  timeoutSec: number;
  out?: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Plain lines even on a terminal (linear mode): each attempt that failed its own line, nothing rewritten. */
  lines?: boolean;
  /** The locale's character set is UTF-8 (default: from the environment); otherwise the line is ASCII. */
  utf8?: boolean;
}

/** Back to the start of a block of `rows` lines and clear from there down. */
const clearBlock = (rows: number): string => `\r${rows > 1 ? `\x1b[${rows - 1}A` : ''}\x1b[J`;

/** `text` cut into lines of at most `width` characters (the line is plain ASCII but for the URL). */
const lines = (text: string, width: number): string[] => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
};

/** Shows the attempts until the returned function is called (connected, or given up). */
export function showConnecting(client: EngineClient, o: ConnectingOptions): () => void {
  const out = o.out ?? process.stderr;
  // Like the console's screen: not one byte above 0x7f where the locale is not UTF-8.
  const [ellipsis, dash] = (o.utf8 ?? isUtf8Locale(process.env)) ? ['…', '—'] : ['...', '-'];
  const tty = (out as { isTTY?: boolean }).isTTY === true && o.lines !== true;
  const started = Date.now();
  let last = '';
  let rows = 0;
  let lastAttempt = -1;
  const render = (): void => {
    const c = client.getView().connection;
    if (c.state !== 'connecting' && c.state !== 'reconnecting') return;
    const attempt = c.attempt + 1;
    const why = c.state === 'reconnecting' ? ` ${dash} last error: ${c.reason}` : '';
    const left = Math.max(0, Math.ceil(o.timeoutSec - (Date.now() - started) / 1000));
    const line = terminalSafe(`Connecting to ${o.url} as ${o.agent}${ellipsis} attempt ${attempt}${why} (giving up in ${left} s)`);
    if (tty) {
      // Whole, on as many rows as it takes, redrawn in place.
      const block = lines(line, Math.max(20, ((out as { columns?: number }).columns ?? 80) - 1));
      if (line !== last) out.write(`${rows ? clearBlock(rows) : ''}${block.join('\n')}`);
      rows = block.length;
    } else if (attempt !== lastAttempt && c.state === 'reconnecting') out.write(`${line}\n`);
    last = line;
    lastAttempt = attempt;
  };
  const off = client.subscribe(render);
  // The countdown moves even while an attempt hangs (a server that never answers).
  const tick = setInterval(render, 1000);
  tick.unref?.();
  render();
  return () => {
    off();
    clearInterval(tick);
    if (tty && rows) out.write(clearBlock(rows));
  };
}
