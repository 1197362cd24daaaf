// Files stay short enough to read in one sitting (DESIGN.md: files < ~400 lines). Long reference data is split
// by section (plan-appendix-1/2.data.ts, places-towns/districts.demo-data.server.ts, indicators-platform/
// national.seed-data.ts). There is no allow-list: a file that grows past the limit is split, not listed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 400;
const ROOTS = ['src', 'scripts', 'bench', 'e2e'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : sourceFiles(path);
    return /\.(ts|tsx|cjs|mjs)$/.test(e.name) ? [path] : [];
  });
}

describe('file size', () => {
  it(`keeps every source file at or under ${MAX_LINES} lines`, () => {
    const long = ROOTS.flatMap(sourceFiles)
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
