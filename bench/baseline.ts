/**
 * "Today's" console for the benches' before/after figures in one run: the
 * commit before the screen renderer (issue 22), unpacked from git next to
 * this tree (git archive, nothing in the repository changes) and run with
 * this tree's node_modules. BENCH_BASELINE_REF picks another commit.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Ink's own incremental renderer at 12 fps, the CI=false work-around, no alternate screen. */
export const BASELINE_REF = process.env.BENCH_BASELINE_REF ?? 'e9f4085';
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The baseline's source tree, unpacked once; null (with the reason on stderr) when git cannot give it. */
export function baselineTree(): string | null {
  const dir = join(tmpdir(), `agent-console-baseline-${BASELINE_REF}`);
  if (existsSync(join(dir, 'package.json'))) return dir;
  try {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', BASELINE_REF], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    return dir;
  } catch (e) {
    console.error(`  baseline ${BASELINE_REF} unavailable (${(e as Error).message.split('\n')[0]}): today's figures left out`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
