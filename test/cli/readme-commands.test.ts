/**
 * Every `agent-console` line in the README's shell blocks is a command the
 * program takes as written: its subcommand, options and arguments parse (the
 * actions are replaced, so nothing runs). A renamed option or a command that
 * is gone fails here rather than in a reader's terminal.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** A shell line's words, as sh splits them: '…' and "…" quote, # outside quotes starts a comment; stops at a pipe or a trailing &. */
function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (word === undefined && (c === '#' || c === '|' || c === '&')) break;
    else word = (word ?? '') + c;
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** The argument lists of the README's agent-console lines (after any VAR=value prefixes). */
function readmeCommands(): string[][] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => words(line))
    .map((w) => w.slice(w.findIndex((x) => !/^[A-Z_]+=/.test(x))))
    .filter((w) => w[0] === 'agent-console')
    .map((w) => w.slice(1));
}

/** The program with every action replaced by one that records what ran. */
function dryProgram(ran: string[]): Command {
  const program = buildProgram();
  const stub = (command: Command, path: string) => {
    command.configureOutput({ writeOut: () => {}, writeErr: () => {} });
    if (command.commands.length === 0 || command === program) command.action(() => void ran.push(path));
    for (const sub of command.commands) stub(sub, `${path} ${sub.name()}`.trim());
  };
  stub(program, '');
  return program;
}

describe('the README’s agent-console lines', () => {
  const lines = readmeCommands();

  it('are found (a check of the check): the scripting session among them', () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(lines).toContainEqual(['config', 'set', 'servers.work', '{"url":"ws://127.0.0.1:7300","agent":"ana"}']);
    expect(lines).toContainEqual(['events', '--json', '--profile', 'work']);
  });

  it.each(lines.map((args) => [args.join(' '), args]))('%s', async (_, args) => {
    const ran: string[] = [];
    await dryProgram(ran).parseAsync(['node', 'agent-console', ...(args as string[])]);
    expect(ran).toHaveLength(1);
  });

  it('a line the program would refuse fails (a check of the check)', async () => {
    await expect(dryProgram([]).parseAsync(['node', 'agent-console', 'status', 'set', 'available', '--no-such-option'])).rejects.toThrow(/unknown option/);
    await expect(dryProgram([]).parseAsync(['node', 'agent-console', 'offer', 'take'])).rejects.toThrow();
  });
});
