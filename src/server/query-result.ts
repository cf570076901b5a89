/** What a wire query answers: the ack's result, or an error. */
import type { ServerMessages, WireError } from '../protocol/index.js';

export type QueryResult = { ok: true; result: NonNullable<ServerMessages['ack']['result']> } | { ok: false; error: WireError };
