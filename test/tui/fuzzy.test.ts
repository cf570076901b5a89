import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from '../../src/tui/fuzzy.js';

describe('fuzzy', () => {
  it('matches subsequences, case-insensitively', () => {
    expect(fuzzyScore('acc', 'Accept offer')).not.toBeNull();
    expect(fuzzyScore('ACO', 'Accept offer')).not.toBeNull();
    expect(fuzzyScore('xyz', 'Accept offer')).toBeNull();
    expect(fuzzyScore('offer accept', 'Accept offer')).toBeNull();
  });

  it('an empty query matches everything with score 0', () => {
    expect(fuzzyScore('', 'anything')).toBe(0);
    expect(fuzzyScore('  ', 'anything')).toBe(0);
  });

  it('prefers word starts and runs', () => {
    const titles = ['Go to Notices', 'Accept offer', 'Reject offer', 'Toggle code'];
    expect(fuzzyFilter('ao', titles, (t) => t)[0]).toBe('Accept offer');
    expect(fuzzyFilter('rej', titles, (t) => t)[0]).toBe('Reject offer');
    expect(fuzzyFilter('tc', titles, (t) => t)[0]).toBe('Toggle code');
  });

  it('does not miss a match by jumping to a word start too early', () => {
    expect(fuzzyScore('ab', 'xab a')).not.toBeNull();
  });

  it('keeps input order on ties', () => {
    expect(fuzzyFilter('', ['b', 'a', 'c'], (t) => t)).toEqual(['b', 'a', 'c']);
  });
});
