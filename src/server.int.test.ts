// The real entry point: starts on an empty data directory, serves, and on SIGTERM finishes the request in
// flight before exiting 0. Runs the embedded mode only (the postgres project covers the same code paths
// through the app tests).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PORT = 3900 + Math.floor(Math.random() * 90);

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

describe.skipIf(process.env.TEST_DB_KIND === 'postgres')('server process', () => {
  let dir: string;
  let child: ChildProcess;
  let startupOutput: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'suotdoi-server-'));
    child = spawn(process.execPath, ['src/server.ts'], {
      env: {
        ...process.env,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    startupOutput = await waitForOutput(child, /http:\/\/localhost:\d+/);
  });
  afterAll(() => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints its URL on start and answers health checks', async () => {
    expect(startupOutput).toContain(`http://localhost:${PORT}`);
    const res = await fetch(`http://127.0.0.1:${PORT}/readyz`);
    expect(res.status).toBe(200);
  });

  it('finishes a request in flight when told to stop, then exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const answered = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: PORT,
          // The sign-in action reads the whole form body before answering, so the answer cannot come early.
          path: '/sign-in',
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'transfer-encoding': 'chunked',
            origin: `http://localhost:${PORT}`, // PUBLIC_URL's origin: the only one the CSRF check accepts
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.write('email=nobody%40example.vn&pass');
      // The request is on the wire; stop the server while its body is still arriving.
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end('word=wrong-password-123'), 300);
      }, 200);
    });
    const status = await answered;
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    expect(await exited).toBe(0);
  });
});
