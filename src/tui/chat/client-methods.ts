// The EngineClient methods the chat view uses: added to ConsoleClient so a
// fake client in tests must provide them too.
export type ChatClientMethod =
  | 'sendChat' | 'transferChat' | 'sendAgentChat' | 'saveFaq' | 'deleteFaq' | 'listQueues' | 'setTyping';
