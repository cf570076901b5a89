/** The small HTTP side of the gateway: health for load balancers and scripts. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Routes by exact path; a key ending in "/" (e.g. "/faq/") also serves every
 * path below it, longest prefix first. Anything else is a 404. Other adapters
 * (web chat) add routes.
 */
export function router(routes: Record<string, Route>): Route {
  const prefixes = Object.keys(routes)
    .filter((p) => p.length > 1 && p.endsWith('/'))
    .sort((a, b) => b.length - a.length);
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const prefix = prefixes.find((p) => path.startsWith(p));
    const route = Object.hasOwn(routes, path) ? routes[path] : prefix ? routes[prefix] : undefined;
    if (!route) return sendJson(res, 404, { error: 'not found' });
    route(req, res);
  };
}
