/**
 * "Today's" console for the benches' before/after figures in one run: the
 * commit before the screen renderer (issue 22), unpacked from git next to
 * this tree (git archive, nothing in the repository changes) and run with
 * this tree's node_modules. BENCH_BASELINE_REF picks another commit.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Ink's own incremental renderer at 12 fps, the CI=false work-around, no alternate screen. */
export const BASELINE_REF = process.env.BENCH_BASELINE_REF ?? 'e9f4085';
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where the baseline of `ref` for the checkout at `root` is unpacked: one
 * folder per checkout, since it borrows that checkout's node_modules (a folder
 * shared by ref alone kept a link into whichever clone made it first, dangling
 * once that clone was gone: no tsx, no bench).
 */
export function baselineDir(root: string, ref: string): string {
  const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12);
  return join(tmpdir(), `agent-console-baseline-${ref}-${checkout}`);
}

/** Points `dir`/node_modules at `root`'s, whatever it pointed at before. */
export function linkNodeModules(dir: string, root: string): void {
  const link = join(dir, 'node_modules');
  const target = join(root, 'node_modules');
  let current: string | null = null;
  try { current = readlinkSync(link); } catch { /* no link yet */ }
  if (current === target) return;
  rmSync(link, { recursive: true, force: true });
  symlinkSync(target, link);
}

/** The baseline's source tree, unpacked once; null (with the reason on stderr) when git cannot give it. */
export function baselineTree(root = ROOT, ref = BASELINE_REF): string | null {
  const dir = baselineDir(root, ref);
  try {
    if (!existsSync(join(dir, 'package.json'))) {
      // Unpacked aside, then renamed: a run stopped half-way leaves no tree that looks whole.
      const partial = `${dir}.${process.pid}`;
      rmSync(partial, { recursive: true, force: true });
      mkdirSync(partial, { recursive: true });
      const tar = execFileSync('git', ['archive', '--format=tar', ref], { cwd: root, maxBuffer: 1 << 30 });
      execFileSync('tar', ['-x', '-C', partial], { input: tar });
      rmSync(dir, { recursive: true, force: true });
      renameSync(partial, dir);
    }
    linkNodeModules(dir, root);
    return dir;
  } catch (e) {
    console.error(`  baseline ${ref} unavailable (${(e as Error).message.split('\n')[0]}): today's figures left out`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
