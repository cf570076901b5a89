export * from './version.js';
export * from './errors.js';
export * from './client-messages.js';
export { PHONE_MESSAGES, type PhoneMessageType } from './phone-messages.js';
export * from './server-messages.js';
export * from './views.js';
export { uuidv7 } from './uuid.js';
export * from './vocabulary.js';
