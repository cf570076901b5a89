export { startServer, SERVER_NAME, type RunningServer, type ServerOptions } from './server.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { createLogger, silentLogger, type Logger, type LogLevel } from './logger.js';
export { sendJson, type Route } from './http.js';
export type { AttachedChannel, ChannelApi, ServerChannel, UpgradeHandler } from './channel.js';
export type { TypingRelay } from './typing.js';
