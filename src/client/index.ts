export { EngineClient, RECONNECT_BACKOFF, type CommandResult, type EngineClientOptions } from './client.js';
export { EMPTY_VIEW, reduceView, type AgentView, type ConnectionState } from './view.js';
export { backoffDelay } from './backoff.js';
