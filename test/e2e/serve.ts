/** A real `agent-console serve` process on a loopback port, with the demo tenant (or `tenant`), for end-to-end tests. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface Serve {
  url: string;
  log: string;
  stop(): void;
}

export function startServe(dir: string, tenant = 'fixtures/demo-tenant.json'): Promise<Serve> {
  const log = join(dir, 'serve.log');
  const serve = spawn(process.execPath, ['bin/agent-console', 'serve', '--tenant', tenant, '--db', join(dir, 'cc.db'), '--port', '0', '--log', log], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise<Serve>((resolve, reject) => {
    let out = '';
    serve.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (ws:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, log, stop: () => void serve.kill('SIGTERM') });
    });
    serve.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}
