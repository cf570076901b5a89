/** `serve --tls-cert/--tls-key`: the same protocol over wss://, and /healthz over https://. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/client/index.js';
import { openEngine, parseTenant } from '../../src/engine/index.js';
import { startServer } from '../../src/server/index.js';
import { wireTenant } from './helpers.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe.skipIf(!hasOpenssl)('TLS', () => {
  it('serves wss:// and https:// with the given certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-tls-'));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const engine = openEngine({ tenant: parseTenant(await wireTenant()), dbFile: ':memory:' });
    const server = await startServer({ engine, port: 0, tls: { key: readFileSync(key), cert: readFileSync(cert) } });
    try {
      expect(server.url).toMatch(/^wss:\/\//);
      const client = new EngineClient({ url: server.url, agent: 'a1', password: 'secret', wsOptions: { ca: readFileSync(cert) } });
      await client.connect();
      expect(client.getView().self?.status).toBe('on_break');
      client.close();
      const health = await new Promise<string>((resolve, reject) =>
        get(`${server.httpUrl}/healthz`, { ca: readFileSync(cert) }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve(body));
        }).on('error', reject),
      );
      expect(JSON.parse(health).ok).toBe(true);
    } finally {
      await server.close();
      engine.close();
    }
  });
});
