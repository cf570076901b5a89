// Run inside tmux by terminal-widths.test.ts: writes each text of a JSON list
// at the top left of a cleared screen, asks the terminal where its cursor
// ended (DSR 6, answered on stdin as ESC [ row ; col R) and writes the answers
// ([row, column], zero-based) as JSON: the terminal's own measure of each text.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(input, 'utf8'));
const answers = [];
let pending = '';

const ask = () => {
  if (answers.length === texts.length) {
    writeFileSync(output, JSON.stringify(answers));
    process.exit(0);
  }
  process.stdout.write(`\x1b[2J\x1b[H${texts[answers.length]}\x1b[6n`);
};

process.stdin.setRawMode(true);
process.stdin.on('data', (chunk) => {
  pending += chunk.toString('latin1');
  const m = /\x1b\[(\d+);(\d+)R/.exec(pending);
  if (!m) return;
  pending = '';
  answers.push([Number(m[1]) - 1, Number(m[2]) - 1]);
  ask();
});
ask();
