/** The FAQ knowledge base: the tenant file's entries, overlaid by edits made from consoles. */
import type { EngineState, FaqEntry } from './state.js';
import type { Tenant } from './tenant/tenant.js';

export function effectiveFaq(tenant: Tenant, state: EngineState): FaqEntry[] {
  const entries = new Map<string, FaqEntry>(tenant.config.faq.map((f) => [f.id, f]));
  for (const [id, edit] of state.faqEdits) {
    if (edit) entries.set(id, edit);
    else entries.delete(id);
  }
  return [...entries.values()];
}
