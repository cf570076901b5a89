/**
 * The built program (`bin/agent-console`, which runs dist/) as a script runs
 * it: a child process of its own, its exit code and everything it printed.
 * Asynchronous, so a client or server in the test's process keeps working
 * while the command runs.
 */
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/agent-console', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Written to its stdin, which is then closed (closed at once without it). */
  input?: string;
  cwd?: string;
}

/** Starts the program with piped stdio (for a test that talks to it while it runs). */
export function spawnCli(args: string[], options: Omit<CliOptions, 'input'> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...options.env }, cwd: options.cwd, stdio: 'pipe' });
}

/** Runs the program to its end. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const child = spawnCli(args, options);
  child.stdin.on('error', () => {}); // a program that exits before reading its input is not the test's failure
  child.stdin.end(options.input);
  return outputOf(child);
}

/** A child process's exit code and everything it printed, once it has ended. */
export function outputOf(child: ChildProcess): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
