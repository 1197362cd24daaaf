// Integration tests serve pages from the React Router build. So that a page edit needs no manual rebuild,
// the test run rebuilds when the build is missing or older than any source file or message catalogue (test
// files and the test harness excepted: they are not part of the build).
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'messages'];
const NOT_BUILT = /\.test\.tsx?$|^src\/test\//;

function newestMtime(root: string, rel: string): number {
  let newest = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const path = `${rel}/${e.name}`;
    if (NOT_BUILT.test(path) || e.name.startsWith('+types')) continue;
    const m = e.isDirectory() ? newestMtime(root, path) : statSync(join(root, path)).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

export function buildIsStale(root: string, buildDir: string): boolean {
  let built: number;
  try {
    built = statSync(join(root, buildDir, 'server/index.js')).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((dir) => newestMtime(root, dir) > built);
}
