/** A chat's durable transcript, read from the log (not kept in memory). */
import type { EngineEvent } from '../kernel/types.js';
import type { ChatMessage } from './state.js';

/** The interaction's own messages and those of the interactions it was transferred from, in order. */
export function transcriptOf(eventsOf: (interactionId: string) => EngineEvent[], interactionId: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = interactionId; id && !seen.has(id); ) {
    seen.add(id);
    let previous: string | undefined;
    for (const e of eventsOf(id)) {
      if (e.type === 'chat.message') messages.push(e.message);
      if (e.type === 'interaction.arrived') previous = e.transferredFrom?.interactionId;
    }
    id = previous;
  }
  return messages.sort((a, b) => a.ts - b.ts || Number(a.id.slice(2)) - Number(b.id.slice(2)));
}
