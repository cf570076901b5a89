/**
 * Chat console benchmark (issue 6, the console half of `bench/chat`): 6 open
 * customer chats × 2,000 messages each held in the console's view, then
 * key-press-to-frame (p50/p99) and bytes per key press while typing.
 *
 * Set-up, all real and in process (bench/tui-session.ts): engine + server +
 * EngineClient as "ana" on loopback; six chats `arrive` on a chat queue and
 * are accepted THROUGH THE CLIENT; then 2,000 `customer_chat` lines per chat
 * through engine.execute (interleaved across the chats); the session waits
 * until all 12,000 messages are in the client's view, then opens the console
 * (runConsole) on a fake 120×40 terminal and types 150 characters, one key
 * at a time, 90–200 ms apart. Today's console, and the same app repainting every frame, in the
 * same run (each mode in its own child process), so the saving is a ratio.
 *
 * Where the keys go: the chat pane (src/tui/chat/) was being built alongside
 * this bench. The session focuses the Interaction pane and presses Enter
 * (chatPane.compose); if the key hints then show the compose box, it types
 * there (phase `chat_compose`), never pressing Enter (no message is sent).
 * Otherwise it falls back to the NOTES field of the selected chat (phase
 * `chat_notes`) and every figure line's "note" says so.
 * TODO(issue 6): once the pane is settled, drop the notes fallback, and add
 * a figure for switching chat tabs (Alt-1..6) with 2,000 messages each.
 *
 * Knobs: BENCH_CHATS (6), BENCH_CHAT_MESSAGES (2000), BENCH_IDLE_SECONDS (10),
 * BENCH_COLOR_LEVEL (3).
 */
import { existsSync } from 'node:fs';
import { printFigures, printRatios, runModes } from './tui.bench.js';

export default async function chatConsoleBench(): Promise<void> {
  const results = await runModes('chat');
  const shipped = results.find((r) => r.mode === 'screen')!;
  const full = results.find((r) => r.mode === 'screen-full')!;
  const chatPane = existsSync(new URL('../src/tui/chat', import.meta.url));
  const into = results.map((r) => r.chat?.typed_into);
  const note = into.every((x) => x === 'compose')
    ? 'typing into the chat compose box (src/tui/chat), 6 chats × 2,000 messages held in the view'
    : `${chatPane ? 'chat compose box did not open (chat pane not wired yet?)' : 'chat pane (src/tui/chat) not built yet'}: typing into the NOTES field of a chat (${into.join('/')}), with 6 chats × 2,000 messages held in the view (TODO: compose box)`;
  const log = console.log;
  // Every figure line carries the note and the chat set-up.
  console.log = (line: string) => {
    const r = JSON.parse(line) as Record<string, unknown>;
    const chat = (results.find((x) => x.mode === r.mode) ?? shipped).chat;
    log(JSON.stringify({ ...r, note, chat }));
  };
  try {
    for (const r of results) printFigures('chat-console', r, full.bytes_per_tick.mean);
    for (const r of results) if (r !== shipped) printRatios('chat-console', shipped, r);
  } finally {
    console.log = log;
  }
}
