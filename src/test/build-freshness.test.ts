import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIsStale } from './build-freshness.ts';

const root = mkdtempSync(join(tmpdir(), 'suotdoi-fresh-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, secondsAgo: number) {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, '');
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(full, t, t);
}

describe('the page build used by integration tests', () => {
  it('is rebuilt when missing or older than a source file or a message catalogue', () => {
    file('src/web/routes/home.tsx', 100);
    file('messages/vi.json', 100);
    expect(buildIsStale(root, 'build')).toBe(true);
    file('build/server/index.js', 50);
    expect(buildIsStale(root, 'build')).toBe(false);
    file('src/modules/units/units.usecases.ts', 10);
    expect(buildIsStale(root, 'build')).toBe(true);
    file('build/server/index.js', 5);
    file('messages/en.json', 1);
    expect(buildIsStale(root, 'build')).toBe(true);
  });

  it('is not rebuilt for an edited test file', () => {
    file('build/server/index.js', 0);
    file('src/modules/units/units.int.test.ts', -10);
    file('src/test/harness.ts', -10);
    expect(buildIsStale(root, 'build')).toBe(false);
  });
});
