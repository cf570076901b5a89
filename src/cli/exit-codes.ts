/** Meaningful exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Something failed at run time (see the message). */
  error: 1,
  /** Bad command-line usage or a bad configuration/tenant file. */
  usage: 2,
  /** The server refused the credentials, or the agent is locked out. */
  auth: 3,
  /** The server could not be reached or speaks another protocol version. */
  connection: 4,
} as const;
