/** What the one-shot commands share: their options, and what one prints. */

export interface AgentFlags {
  server?: string;
  agent?: string;
  profile?: string;
  ca?: string;
  json?: boolean;
  timeout: string;
}

/** What a command prints: `json` with --json, else `text` (from outside: made terminal-safe when printed). */
export interface Outcome {
  json: Record<string, unknown>;
  text: string;
}
