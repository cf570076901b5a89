/**
 * Vitest global setup: the tests that start bin/agent-console run the built
 * program (dist/), so dist/ is rebuilt first whenever a source is newer than
 * it. A source that does not build fails the whole run here.
 */
import { build, isStale } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  if (isStale()) await build({ quiet: true });
}
