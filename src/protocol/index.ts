export * from './version.js';
export * from './errors.js';
export * from './client-messages.js';
export * from './server-messages.js';
export * from './views.js';
export { uuidv7 } from './uuid.js';
