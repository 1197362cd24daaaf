// Measures the JavaScript a page loads in the browser: the client entry, then every matched route's module
// and its imports, read from the build's asset manifest. Usage: node scripts/client-js-size.ts [route id …]
// (default: the check-in page and its layouts). Prints raw and gzip bytes per file and in total.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

interface AssetEntry {
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: AssetEntry;
  routes: Record<string, AssetEntry & { parentId?: string }>;
}

const buildDir = resolve(process.env.RR_BUILD_DIR ?? 'build');
const server = (await import(pathToFileURL(join(buildDir, 'server/index.js')).href)) as { assets: Manifest };
const { assets } = server;

const leaves = process.argv.slice(2);
const wanted = leaves.length ? leaves : ['events/admin/check-in'];

for (const leaf of wanted) {
  const chain: string[] = [];
  for (let id: string | undefined = leaf; id; id = assets.routes[id]?.parentId) {
    if (!assets.routes[id]) throw new Error(`no route ${id}`);
    chain.unshift(id);
  }
  const files = new Set<string>();
  for (const e of [assets.entry, ...chain.map((id) => assets.routes[id] as AssetEntry)]) {
    files.add(e.module);
    for (const f of e.imports ?? []) files.add(f);
  }
  let raw = 0;
  let gz = 0;
  console.log(`${leaf} (${chain.join(' > ')})`);
  for (const f of [...files].sort()) {
    const bytes = readFileSync(join(buildDir, 'client', f));
    const g = gzipSync(bytes).length;
    raw += bytes.length;
    gz += g;
    console.log(`  ${f.padEnd(52)} ${String(bytes.length).padStart(8)} ${String(g).padStart(7)}`);
  }
  console.log(
    `  ${'total'.padEnd(52)} ${String(raw).padStart(8)} ${String(gz).padStart(7)}  (raw, gzip bytes)`,
  );
}
