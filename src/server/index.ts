export { startServer, SERVER_NAME, type RunningServer, type ServerOptions } from './server.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { createLogger, silentLogger, type Logger, type LogLevel } from './logger.js';
export { sendJson, type Route } from './http.js';
export { SwitchLink, SWITCH_CLOSE, type SwitchLinkOptions } from './ingress/switch-link.js';
export { keysOfTenantFile, newApiKey, apiKeyHash, type ApiKeyEntry } from './api-keys.js';
export type { ApiOptions } from './api.js';
export type { AttachedChannel, ChannelApi, ServerChannel, UpgradeHandler } from './channel.js';
export type { TypingRelay } from './typing.js';
