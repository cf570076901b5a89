/**
 * Ink renders only a final frame when it believes it runs in CI (the CI or
 * CONTINUOUS_INTEGRATION variable is set), and reads that once, when it is
 * first loaded. A console on a terminal is interactive by definition, so on
 * a TTY we say so before Ink loads. Imported first by run.tsx for that reason.
 */
if (process.stdout.isTTY) {
  process.env.CI = 'false';
  process.env.CONTINUOUS_INTEGRATION = 'false';
}
export {};
