// The C library's wcwidth() for every code point (C.UTF-8), read once through
// scripts/glibc-wcwidth.py: the oracle for the console's width function, since
// tmux and most Linux terminals draw exactly what it says.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../scripts/glibc-wcwidth.py', import.meta.url));

export interface LibcWidths {
  /** e.g. "glibc 2.36" */
  readonly name: string;
  /** wcwidth(cp): 0, 1, 2, or -1 (not printable, or unknown to this C library). */
  width(cp: number): number;
}

export function libcWidths(): LibcWidths {
  const [name, widths] = execFileSync('python3', [script], { encoding: 'utf8', maxBuffer: 4 << 20 }).split('\n') as [string, string];
  return { name, width: (cp) => (widths[cp] === 'x' ? -1 : Number(widths[cp])) };
}
