/**
 * The customer-facing HTTP side: the chat page, its same-origin script and
 * stylesheet, and FAQ answer pages. Every response carries a strict CSP (no
 * inline script or style, nothing from elsewhere, no framing) and nosniff.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../../../engine/index.js';
import type { Route } from '../../http.js';
import { safeHref } from '../../../protocol/html-tokens.js';
import { escapeHtml, sanitizeFaqHtml } from './sanitize-html.js';

/** connect-src 'self' covers ws:/wss: to the same host and port (CSP Level 3; checked by the browser test). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const STATIC_DIR = new URL('./static/', import.meta.url);
const asset = (name: string) => readFileSync(new URL(name, STATIC_DIR));

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-cache'): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('method not allowed\n');
  }
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': cache, 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/chat.css">
</head>
<body class="faq">
<main>
${body}
</main>
</body>
</html>
`;
}

export function pageRoutes(engine: Engine): Record<string, Route> {
  // Read once at start: a missing file fails loudly at boot, not on the first customer.
  const html = asset('chat.html');
  const js = asset('chat.js');
  const renderJs = asset('chat-render.js');
  const css = asset('chat.css');
  return {
    '/chat': (req, res) => send(req, res, 200, 'text/html; charset=utf-8', html),
    '/chat.js': (req, res) => send(req, res, 200, 'text/javascript; charset=utf-8', js),
    '/chat-render.js': (req, res) => send(req, res, 200, 'text/javascript; charset=utf-8', renderJs),
    '/chat.css': (req, res) => send(req, res, 200, 'text/css; charset=utf-8', css),
    // Browsers ask for it on every page: answer "nothing here" instead of a 404 in the console.
    '/favicon.ico': (req, res) => send(req, res, 204, 'image/x-icon', '', 'max-age=86400'),
    '/faq/': (req, res) => {
      const raw = new URL(req.url ?? '/', 'http://x').pathname.slice('/faq/'.length);
      let id = raw;
      try {
        id = decodeURIComponent(raw);
      } catch {
        /* a malformed escape is simply not an id */
      }
      const entry = engine.queries.faq().find((f) => f.id === id);
      if (!entry) return send(req, res, 404, 'text/html; charset=utf-8', page('Not found', '<h1>Not found</h1><p>There is no such answer.</p>'));
      const href = entry.link && safeHref(entry.link);
      const link = href ? `<p class="more"><a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">More information</a></p>` : '';
      const body = `<h1>${escapeHtml(entry.title)}</h1>\n<p class="category">${escapeHtml(entry.category)}</p>\n<article>${sanitizeFaqHtml(entry.body)}</article>\n${link}`;
      send(req, res, 200, 'text/html; charset=utf-8', page(entry.title, body));
    },
  };
}
