/**
 * The web chat channel: customers chat over `/customer` (docs/webchat.md)
 * from the page at `/chat`, the terminal (`agent-console customer chat`) or
 * the demo's bots; FAQ answers are served at `/faq/<id>`.
 *
 *   startServer({ engine, channels: [webChat()] })
 */
import type { IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import { CUSTOMER_MAX_FRAME } from '../../../protocol/customer-chat.js';
import { CLOSE } from '../../../protocol/index.js';
import type { ServerChannel } from '../../channel.js';
import { TokenBucket } from '../../rate-limit.js';
import { Chats, type ChatsOptions } from './chats.js';
import { CustomerSocket } from './customer-socket.js';
import { pageRoutes } from './pages.js';

export { CONTENT_SECURITY_POLICY } from './pages.js';

export interface WebChatOptions extends Partial<ChatsOptions> {
  /** New chats per remote address (a proxy in front makes this per proxy: raise it there). */
  startRate?: { perMinute: number; burst: number };
  /** Ping interval; a socket that misses one ping is dropped (the customer keeps the chat for the grace period). */
  heartbeatMs?: number;
  /** Browser origins allowed besides the server's own host (embedding the page elsewhere). */
  allowedOrigins?: string[];
}

export const CUSTOMER_PATH = '/customer';

export function webChat(options: WebChatOptions = {}): ServerChannel {
  return ({ engine, typing, log }) => {
    const chats = new Chats(engine, {
      // A person types well under one line a second; bursts cover pasting a few lines.
      messageRate: options.messageRate ?? { perSecond: 2, burst: 10 },
      customerGraceMs: options.customerGraceMs ?? 120_000,
      retainEndedMs: options.retainEndedMs ?? 10 * 60_000,
      positionDelayMs: options.positionDelayMs ?? 100,
    });
    chats.adoptLiveChats();
    const heartbeatMs = options.heartbeatMs ?? 30_000;
    const startRate = options.startRate ?? { perMinute: 30, burst: 30 };
    const startBuckets = new Map<string, TokenBucket>();
    const startBucket = (address: string) => () => {
      let bucket = startBuckets.get(address);
      if (!bucket) {
        if (startBuckets.size > 10_000) startBuckets.clear(); // bounded: forgetting only makes the limit lenient
        startBuckets.set(address, (bucket = new TokenBucket(startRate.perMinute / 60, startRate.burst)));
      }
      return bucket;
    };

    const unsubscribe = engine.subscribe((batch) => chats.onEvents(batch));
    const offTyping = typing.onAgentTyping((conversationId, isTyping) => chats.conversation(conversationId)?.peer?.send({ type: 'typing', typing: isTyping }));
    const wss = new WebSocketServer({ noServer: true, maxPayload: CUSTOMER_MAX_FRAME, perMessageDeflate: false });
    const sockets = new Set<CustomerSocket>();
    const heartbeat = setInterval(() => {
      for (const s of sockets) s.ping();
    }, heartbeatMs);
    heartbeat.unref();

    /** A browser on another site must not open chats here (cross-site WebSocket use); non-browsers send no Origin. */
    const originAllowed = (req: IncomingMessage): boolean => {
      const origin = req.headers.origin;
      if (!origin) return true;
      if (options.allowedOrigins?.includes(origin)) return true;
      try {
        return new URL(origin).host === req.headers.host;
      } catch {
        return false;
      }
    };

    return {
      routes: pageRoutes(engine),
      upgrades: {
        [CUSTOMER_PATH]: (req, socket, head) => {
          if (!originAllowed(req)) {
            log('warn', 'customer socket refused: foreign origin', { origin: req.headers.origin });
            socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
            return;
          }
          wss.handleUpgrade(req, socket, head, (ws) => {
            const address = req.socket.remoteAddress ?? 'unknown';
            const s = new CustomerSocket(ws, { engine, chats, typing, heartbeatMs, startBucket: startBucket(address), log });
            sockets.add(s);
            ws.on('close', () => sockets.delete(s));
          });
        },
      },
      close: async () => {
        clearInterval(heartbeat);
        unsubscribe();
        offTyping();
        chats.close();
        for (const s of sockets) s.close(CLOSE.goingAway, 'server shutting down');
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      },
    };
  };
}
