/**
 * Server logs go to a file or to stderr as JSON lines — never to stdout, so
 * they can never mix into a console's screen when the demo embeds a server.
 */
import { createWriteStream, type WriteStream } from 'node:fs';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

export const silentLogger: Logger = () => {};

export function createLogger(target: 'stderr' | { file: string }, minLevel: LogLevel = 'info'): Logger & { close(): void } {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const stream: NodeJS.WritableStream | WriteStream =
    target === 'stderr' ? process.stderr : createWriteStream(target.file, { flags: 'a' });
  const log = ((level, msg, fields) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    stream.write(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }) + '\n');
  }) as Logger & { close(): void };
  log.close = () => {
    if (stream !== process.stderr) (stream as WriteStream).end();
  };
  return log;
}
