export * from './version.js';
export * from './errors.js';
// The frames' schemas (zod) are imported from client-messages.ts by the server, which validates
// them; a client needs their types only, and loads no schema library through this file.
export type { ClientData, ClientEnvelope, ClientMessageType, SessionKind } from './client-messages.js';
export type { PhoneMessageType } from './phone-messages.js';
export type { CrmMessageType } from './crm-messages.js';
export * from './server-messages.js';
export * from './views.js';
export { uuidv7 } from './uuid.js';
export * from './vocabulary.js';
