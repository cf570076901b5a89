/**
 * The benches' baseline tree (bench/baseline.ts) runs with this checkout's
 * node_modules, even when a tree of the same commit was unpacked before by a
 * clone since removed (its node_modules link dangling: no tsx, and
 * `npm run bench -- tui` failed before measuring).
 */
import { mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BASELINE_REF, baselineDir, baselineTree, linkNodeModules, ROOT } from '../../bench/baseline.js';

const made: string[] = [];
afterEach(() => { for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('bench baseline tree', () => {
  it('has one folder per checkout, so two clones never share a node_modules link', () => {
    expect(baselineDir('/a/clone', 'abc')).not.toBe(baselineDir('/another/clone', 'abc'));
    expect(baselineDir('/a/clone', 'abc')).toBe(baselineDir('/a/clone', 'abc'));
  });

  it('re-points a dangling node_modules link at this checkout, so tsx resolves in the tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-link-'));
    made.push(dir);
    symlinkSync(join(dir, 'gone', 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(() => createRequire(join(dir, 'package.json')).resolve('tsx')).toThrow();
    linkNodeModules(dir, ROOT);
    expect(readlinkSync(join(dir, 'node_modules'))).toBe(join(ROOT, 'node_modules'));
    expect(createRequire(join(dir, 'package.json')).resolve('tsx')).toContain('tsx');
  });

  it('unpacks the baseline commit from git with tsx and its bench session runnable', () => {
    const dir = baselineTree(ROOT, BASELINE_REF);
    expect(dir).not.toBeNull(); // left for the benches: it is theirs
    const req = createRequire(join(dir!, 'package.json'));
    expect(req.resolve('tsx')).toContain(join(ROOT, 'node_modules'));
    expect(req.resolve('./bench/tui-session.ts')).toBeTruthy();
  });

  it('keeps a tree unpacked before and mends its link', () => {
    const dir = baselineDir(ROOT, 'test-ref');
    made.push(dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"kept"}');
    symlinkSync('/nonexistent/node_modules', join(dir, 'node_modules'));
    expect(baselineTree(ROOT, 'test-ref')).toBe(dir);
    expect(readlinkSync(join(dir, 'node_modules'))).toBe(join(ROOT, 'node_modules'));
  });
});
