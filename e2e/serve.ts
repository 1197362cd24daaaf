// Starts the real server (node src/server.ts) for the browser journeys and passes its output through. The demo
// administrator's one-time password, printed on first start (docs/demo-accounts.md), is also written to
// $DATA_DIR/e2e-demo-admin.json so journeys can sign in. SIGTERM/SIGINT are forwarded.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('e2e/serve.ts needs DATA_DIR');

const child = spawn(process.execPath, ['src/server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
let written = false;
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (written) return;
  out += chunk.toString();
  const email = /email:\s+(\S+@\S+)/.exec(out)?.[1];
  const password = /mật khẩu:\s+(\S+)/.exec(out)?.[1];
  if (email && password) {
    writeFileSync(join(dataDir, 'e2e-demo-admin.json'), JSON.stringify({ email, password }), { mode: 0o600 });
    written = true;
    out = '';
  }
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
