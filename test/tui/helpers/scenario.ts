// A binding scenario (bindings.test.tsx and the call/chat tables spread into
// it): how to reach the command's context, how to trigger it, what to check.
import type { AgentView } from '../../../src/client/index.js';
import type { ConsoleHarness } from './render.js';

export interface Scenario {
  view?: AgentView;
  /** Answers the fake client should give (before any key is pressed). */
  setup?(fake: NonNullable<ConsoleHarness['fake']>): void;
  /** Keys that bring the console into the command's context. */
  before?: string[];
  /** What happens after those keys, before the command's own (the server's view changing). */
  arrange?(h: ConsoleHarness): void | Promise<void>;
  /** How to trigger a command that has no default key. */
  trigger?: string[];
  check(h: ConsoleHarness): void | Promise<void>;
}

type ClientMethod = Parameters<NonNullable<ConsoleHarness['fake']>['callsOf']>[0];

/** The calls the fake client recorded for one method. */
export const calls = (h: ConsoleHarness, name: ClientMethod) => h.fake!.callsOf(name);
