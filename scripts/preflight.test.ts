import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The machine's system Node (Debian's, older than 24) stands in for a newcomer's outdated Node.
const OLD_NODE = '/usr/bin/node';
const oldNodeMajor = existsSync(OLD_NODE)
  ? Number(spawnSync(OLD_NODE, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout)
  : 0;

const preflight = (node: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(node, ['scripts/preflight.cjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '', ...env },
  });

describe('newcomer preflight', () => {
  it.skipIf(oldNodeMajor === 0 || oldNodeMajor >= 24)(
    'stops at once on Node older than 24 with one line saying what to install',
    () => {
      const r = preflight(OLD_NODE, ['--test']);
      expect(r.status).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/Node\.js 24/);
      expect(lines[0]).toContain(`v${oldNodeMajor}.`);
    },
  );

  it('lets Node 24 through when Chromium is there', () => {
    const r = preflight(process.execPath, ['--test'], { CHROMIUM_PATH: process.execPath });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints the exact install command when Chromium is missing, before any stage runs', () => {
    const r = preflight(process.execPath, ['--test'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('apt-get install -y chromium');
    expect(r.stderr).toContain('/nonexistent/chromium');
  });

  it('does not ask for Chromium to start the server', () => {
    const r = preflight(process.execPath, [], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(r.status).toBe(0);
  });
});
