// Preloaded with `node --import` by test/cli/lazy-loading.test.ts: records the URL
// of every ES module the process loads into the file named by AC_LOADED_MODULES.
import { register } from 'node:module';

register('./load-recorder-hooks.mjs', import.meta.url);
