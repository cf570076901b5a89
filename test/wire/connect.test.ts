/**
 * Reaching a server never hangs silently (issue 23): the first connection is
 * retried for a bounded time, then fails with UNREACHABLE and the last error;
 * a TLS failure fails at once, named (self-signed, expired, wrong host, no TLS
 * there) with the fix.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/client/index.js';
import { openEngine, parseTenant, type Engine } from '../../src/engine/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { wireTenant } from './helpers.js';

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function failure(client: EngineClient): Promise<{ code: string; message: string; ms: number }> {
  const t0 = Date.now();
  try {
    await client.connect();
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message, ms: Date.now() - t0 };
  }
  throw new Error('connected');
}

const client = (url: string, extra: Partial<ConstructorParameters<typeof EngineClient>[0]> = {}) => {
  const c = new EngineClient({ url, agent: 'a1', password: 'secret', backoff: { baseMs: 50, maxMs: 100 }, ...extra });
  closers.push(() => c.close());
  return c;
};

describe('the first connection, bounded', () => {
  it('nobody listening: retried, each attempt and its error in the view, then UNREACHABLE with the last error', async () => {
    const c = client(`ws://127.0.0.1:${await closedPort()}`, { connectTimeoutMs: 700 });
    const seen: string[] = [];
    c.subscribe((v) => v.connection.state === 'reconnecting' && seen.push(v.connection.reason));
    const f = await failure(c);
    expect(f.code).toBe('UNREACHABLE');
    expect(f.message).toMatch(/^cannot reach ws:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED .* \(\d+ attempts in \d+ s\)$/);
    expect(f.ms).toBeLessThan(5000);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[0]).toMatch(/ECONNREFUSED/);
    expect(c.getView().connection.state).toBe('offline');
  });

  it('keeps trying until its bound, not less: the countdown the console shows ("giving up in N s") is true', async () => {
    // The console's own backoff shape: the next retry (up to maxMs away) would land past the bound long before it.
    const c = client(`ws://127.0.0.1:${await closedPort()}`, { connectTimeoutMs: 2000, backoff: { baseMs: 600, maxMs: 1200 } });
    const f = await failure(c);
    expect(f.code).toBe('UNREACHABLE');
    expect(f.ms).toBeGreaterThanOrEqual(1990);
    expect(f.ms).toBeLessThan(5000);
    expect(f.message).toMatch(/\(\d+ attempts in 2 s\)$/);
  });

  it('a server that accepts and never answers: given up at the bound too', async () => {
    const sockets: Socket[] = [];
    const mute: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => { for (const s of sockets) s.destroy(); mute.close(() => r()); }));
    const c = client(`ws://127.0.0.1:${(mute.address() as { port: number }).port}`, { connectTimeoutMs: 500 });
    const f = await failure(c);
    expect(f.code).toBe('UNREACHABLE');
    expect(f.ms).toBeGreaterThanOrEqual(450);
    expect(f.ms).toBeLessThan(5000);
  });

  it('without a bound for one-shots (retryFirstConnect false): the first failure is the answer', async () => {
    const f = await failure(client(`ws://127.0.0.1:${await closedPort()}`, { retryFirstConnect: false }));
    expect(f).toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(/ECONNREFUSED/) });
  });
});

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe.skipIf(!hasOpenssl)('TLS failures: named, with the fix, at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ac-tls-why-'));
  /** A self-signed certificate for `san`; `expired`: valid only in 2020. */
  function cert(name: string, san: string, expired = false): { key: Buffer; cert: Buffer; file: string } {
    const key = join(dir, `${name}.key`);
    const file = join(dir, `${name}.pem`);
    if (!expired) {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', file, '-days', '1', '-subj', '/CN=test', '-addext', `subjectAltName=${san}`], { stdio: 'ignore' });
    } else {
      const ca = join(dir, name);
      execFileSync('mkdir', ['-p', ca]);
      writeFileSync(join(ca, 'index.txt'), '');
      writeFileSync(join(ca, 'serial'), '01\n');
      writeFileSync(join(ca, 'ca.cnf'), `[ca]\ndefault_ca=d\n[d]\ndatabase=${ca}/index.txt\nserial=${ca}/serial\nnew_certs_dir=${ca}\ndefault_md=sha256\npolicy=p\ncopy_extensions=copy\n[p]\ncommonName=supplied\n`);
      execFileSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', join(ca, 'req.csr'), '-subj', '/CN=test', '-addext', `subjectAltName=${san}`], { stdio: 'ignore' });
      execFileSync('openssl', ['ca', '-batch', '-config', join(ca, 'ca.cnf'), '-selfsign', '-keyfile', key, '-in', join(ca, 'req.csr'), '-out', file, '-startdate', '20200101000000Z', '-enddate', '20200102000000Z'], { stdio: 'ignore' });
    }
    return { key: readFileSync(key), cert: readFileSync(file), file };
  }

  async function serve(tls?: { key: Buffer; cert: Buffer }): Promise<RunningServer> {
    const engine: Engine = openEngine({ tenant: parseTenant(await wireTenant()), dbFile: ':memory:' });
    const server = await startServer({ engine, port: 0, ...(tls ? { tls } : {}) });
    closers.push(async () => { await server.close(); engine.close(); });
    return server;
  }

  it('self-signed: TLS_UNTRUSTED, saying --ca FILE; with --ca it connects', async () => {
    const c1 = cert('self', 'IP:127.0.0.1');
    const server = await serve(c1);
    const f = await failure(client(server.url, { connectTimeoutMs: 10_000 }));
    expect(f.code).toBe('TLS_UNTRUSTED');
    expect(f.message).toMatch(/self-signed.*--ca FILE/);
    expect(f.ms).toBeLessThan(5000);
    const ok = client(server.url, { connectTimeoutMs: 10_000, wsOptions: { ca: c1.cert } });
    await ok.connect();
    expect(ok.getView().self?.id).toBe('a1');
  });

  it('for another host: TLS_WRONG_HOST', async () => {
    const c2 = cert('other', 'DNS:elsewhere.example');
    const server = await serve(c2);
    const f = await failure(client(server.url, { connectTimeoutMs: 10_000, wsOptions: { ca: c2.cert } }));
    expect(f.code).toBe('TLS_WRONG_HOST');
    expect(f.message).toMatch(/certificate is for another host name/);
  });

  it('expired: TLS_EXPIRED', async () => {
    const c3 = cert('old', 'IP:127.0.0.1', true);
    const server = await serve(c3);
    const f = await failure(client(server.url, { connectTimeoutMs: 10_000, wsOptions: { ca: c3.cert } }));
    expect(f.code).toBe('TLS_EXPIRED');
    expect(f.message).toMatch(/has expired/);
  });

  it('wss:// to a server without TLS: TLS_NOT_TLS, try ws://', async () => {
    const server = await serve();
    const f = await failure(client(server.url.replace(/^ws:/, 'wss:'), { connectTimeoutMs: 10_000 }));
    expect(f.code).toBe('TLS_NOT_TLS');
    expect(f.message).toMatch(/try ws:\/\/ instead of wss:\/\//);
  });
});
