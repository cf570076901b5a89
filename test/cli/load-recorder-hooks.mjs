// Module hooks (they run on Node's loader thread): one line per loaded module.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.AC_LOADED_MODULES) appendFileSync(process.env.AC_LOADED_MODULES, `${url}\n`);
  return nextLoad(url, context);
}
