/**
 * A session outlives its socket: it keeps the agent's numbered view events
 * in a bounded buffer so a client that reconnects with `resume {token,
 * lastSeq}` gets exactly what it missed, and it remembers the replies to
 * recent command ids so a resent command never acts twice.
 */
import type WebSocket from 'ws';
import {
  PROTOCOL_MAJOR,
  type ServerEnvelope,
  type SessionKind,
  type ServerMessages,
  type ViewEventType,
} from '../protocol/index.js';
import { TokenBucket } from './rate-limit.js';
import { newToken } from './tokens.js';

export interface SessionLimits {
  /** View events kept for replay. */
  replayBuffer: number;
  /** ...and at most this many characters of them (a snapshot covers anything older). */
  replayBytes: number;
  /** Command replies kept for de-duplication. */
  dedupEntries: number;
  /** Above this many buffered bytes the socket gets a snapshot later instead of more events. */
  congestedBytes: number;
  commandsPerSecond: number;
  commandBurst: number;
  /** Secondary sessions one agent may hold at once. */
  secondaryPerAgent: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  replayBuffer: 2000,
  replayBytes: 48 * 1024,
  dedupEntries: 1000,
  congestedBytes: 1024 * 1024,
  commandsPerSecond: 20,
  commandBurst: 40,
  secondaryPerAgent: 16,
};

export class Session {
  socket?: WebSocket;
  /** Set while the socket cannot keep up: it gets a fresh snapshot once drained. */
  congested = false;
  readonly bucket: TokenBucket;
  private seq = 0;
  /** Serialized view events, oldest first, for replay. */
  private buffer: { seq: number; text: string }[] = [];
  private bufferBytes = 0;
  private replies = new Map<string, ServerEnvelope>();

  /** `token`: a session restored after a server restart keeps the token its console holds. */
  constructor(
    readonly agentId: string,
    private readonly limits: SessionLimits,
    /** primary: the agent's console (one per agent); secondary: a script beside it (docs/protocol.md). */
    readonly kind: SessionKind = 'primary',
    readonly token: string = newToken(),
  ) {
    this.bucket = new TokenBucket(limits.commandsPerSecond, limits.commandBurst);
  }

  get lastSeq(): number {
    return this.seq;
  }

  /**
   * Numbers a view event, keeps it for replay and sends it if the socket keeps
   * up. `dataJson` lets the fan-out serialize data shared by many sessions once.
   */
  push<T extends ViewEventType>(type: T, data: ServerMessages[T], dataJson = JSON.stringify(data)): void {
    const seq = ++this.seq;
    const text = `{"v":${PROTOCOL_MAJOR},"type":"${type}","seq":${seq},"ts":${Date.now()},"data":${dataJson}}`;
    this.buffer.push({ seq, text });
    this.bufferBytes += text.length;
    while (this.buffer.length > 1 && (this.buffer.length > this.limits.replayBuffer || this.bufferBytes > this.limits.replayBytes))
      this.bufferBytes -= this.buffer.shift()!.text.length;
    if (!this.socket || this.congested) return;
    if (this.socket.bufferedAmount > this.limits.congestedBytes) {
      this.congested = true;
      return;
    }
    this.socket.send(text);
  }

  /** Sends a message that is not part of the view (typing): dropped when the socket is away or behind. */
  sendEphemeral<T extends 'typing'>(type: T, data: ServerMessages[T]): void {
    if (!this.socket || this.congested || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(JSON.stringify({ v: PROTOCOL_MAJOR, type, ts: Date.now(), data }));
  }

  /** Events after `lastSeq`, or undefined when they are no longer all buffered. */
  since(lastSeq: number): string[] | undefined {
    if (lastSeq > this.seq) return undefined;
    if (lastSeq === this.seq) return [];
    const first = this.buffer[0]?.seq ?? this.seq + 1;
    if (lastSeq + 1 < first) return undefined;
    return this.buffer.slice(lastSeq + 1 - first).map((e) => e.text);
  }

  rememberReply(id: string, reply: ServerEnvelope): void {
    this.replies.set(id, reply);
    if (this.replies.size > this.limits.dedupEntries) this.replies.delete(this.replies.keys().next().value!);
  }

  replyTo(id: string): ServerEnvelope | undefined {
    return this.replies.get(id);
  }
}
