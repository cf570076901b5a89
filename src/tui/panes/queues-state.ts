// Queues pane state: cursor and filters (relation, enabled state, media), its
// reducer, and the filtered list the pane shows and the keys act on.
import type { Media, QueueView } from '../../protocol/index.js';
import { MEDIA_ORDER } from '../labels.js';
import { clampCursor } from '../list-window.js';
import { memoLast } from '../memo.js';

export interface QueuesUi {
  cursor: number;
  relation: 'all' | 'member' | 'supervisor';
  enabled: 'all' | 'enabled' | 'disabled';
  media: Media | 'all';
}

export const INITIAL_QUEUES: QueuesUi = { cursor: 0, relation: 'all', enabled: 'all', media: 'all' };

/** Each filter key cycles through its values. */
const CYCLES = {
  relation: ['all', 'member', 'supervisor'],
  enabled: ['all', 'enabled', 'disabled'],
  media: ['all', ...MEDIA_ORDER],
} as const;
export type QueueFilter = keyof typeof CYCLES;

export type QueuesAction =
  | { type: 'cursor'; cursor: number; count: number }
  | { type: 'cycle'; filter: QueueFilter }
  | { type: 'clear' };

export function reduceQueues(s: QueuesUi, a: QueuesAction): QueuesUi {
  switch (a.type) {
    case 'cursor':
      return { ...s, cursor: clampCursor(a.cursor, a.count) };
    case 'cycle': {
      const values = CYCLES[a.filter] as readonly string[];
      const next = values[(values.indexOf(s[a.filter]) + 1) % values.length];
      return { ...s, [a.filter]: next, cursor: 0 };
    }
    case 'clear':
      return INITIAL_QUEUES;
  }
}

const mediaRank = (m: Media): number => MEDIA_ORDER.indexOf(m);

/** Queues passing the filters, grouped by media (media order, then priority, then name). */
export const visibleQueues = memoLast(
  (queues: readonly QueueView[], relation: QueuesUi['relation'], enabled: QueuesUi['enabled'], media: QueuesUi['media']): readonly QueueView[] =>
    queues
      .filter((q) => relation === 'all' || q.relation === relation)
      .filter((q) => enabled === 'all' || q.enabled === (enabled === 'enabled'))
      .filter((q) => media === 'all' || q.media === media)
      .sort((a, b) => mediaRank(a.media) - mediaRank(b.media) || b.priority - a.priority || a.name.localeCompare(b.name)),
);

export const queuesFor = (queues: readonly QueueView[], s: QueuesUi): readonly QueueView[] =>
  visibleQueues(queues, s.relation, s.enabled, s.media);


/** The filter summary shown in the pane's title line ('' when unfiltered). */
export function filterLabel(s: QueuesUi, mediaLabel: (m: Media) => string): string {
  const parts: string[] = [];
  if (s.relation !== 'all') parts.push(s.relation);
  if (s.enabled !== 'all') parts.push(s.enabled);
  if (s.media !== 'all') parts.push(mediaLabel(s.media));
  return parts.join(', ');
}
