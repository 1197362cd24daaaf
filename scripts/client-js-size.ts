// Measures the JavaScript a page actually loads in the browser: the scripts its served HTML names
// (`<script src>`, `<link rel="modulepreload">`) read from the build's client directory, plus its inline
// scripts — not the route's whole module graph (a page that does not hydrate loads none of React).
// Data blocks (JSON-LD, JSON) are not scripts and are not counted.
// Usage, against a running app (`npm start`): node scripts/client-js-size.ts [path …]
// (default: the home page). BASE_URL (default http://localhost:3000) and COOKIE (a signed-in session, for
// back-office pages such as /admin/events/<id>/check-in) are read from the environment; RR_BUILD_DIR
// (default build) locates the client files. Prints raw and gzip bytes per script and in total.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface PageScript {
  /** The script's URL path (`/assets/scan-….js`), or `inline #n` for an inline script. */
  name: string;
  raw: number;
  gzip: number;
}

const isDataBlock = (attrs: string) => /\btype="application\/(ld\+)?json"/i.test(attrs);

/** The scripts a page's HTML makes the browser fetch or run, in document order; data blocks left out. */
export function pageScripts(html: string): Array<{ src: string } | { inline: string }> {
  const out: Array<{ index: number; script: { src: string } | { inline: string } }> = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (isDataBlock(attrs)) continue;
    const src = /\ssrc="([^"]+)"/i.exec(attrs)?.[1];
    if (src) out.push({ index: m.index, script: { src } });
    else if ((m[2] ?? '').trim()) out.push({ index: m.index, script: { inline: m[2] as string } });
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = m[1] ?? '';
    const href = /\shref="([^"]+)"/i.exec(attrs)?.[1];
    if (/\srel="modulepreload"/i.test(attrs) && href) out.push({ index: m.index, script: { src: href } });
  }
  // A file both preloaded and loaded as a script is fetched once.
  const seen = new Set<string>();
  const scripts: Array<{ src: string } | { inline: string }> = [];
  for (const { script } of out.sort((a, b) => a.index - b.index)) {
    if ('src' in script) {
      if (seen.has(script.src)) continue;
      seen.add(script.src);
    }
    scripts.push(script);
  }
  return scripts;
}

/** Raw and gzip bytes of each script a page loads; `src` paths are read from the build's client directory. */
export function measurePage(
  html: string,
  clientDir: string,
): { scripts: PageScript[]; raw: number; gzip: number } {
  let inline = 0;
  const scripts = pageScripts(html).map((s): PageScript => {
    const bytes =
      'src' in s
        ? readFileSync(join(clientDir, new URL(s.src, 'http://page.invalid/').pathname))
        : Buffer.from(s.inline);
    const name = 'src' in s ? s.src : `inline #${++inline}`;
    return { name, raw: bytes.length, gzip: gzipSync(bytes).length };
  });
  return {
    scripts,
    raw: scripts.reduce((n, s) => n + s.raw, 0),
    gzip: scripts.reduce((n, s) => n + s.gzip, 0),
  };
}

async function main(paths: string[]): Promise<void> {
  const base = process.env.BASE_URL ?? 'http://localhost:3000';
  const clientDir = join(resolve(process.env.RR_BUILD_DIR ?? 'build'), 'client');
  for (const path of paths.length ? paths : ['/']) {
    const res = await fetch(new URL(path, base), {
      headers: process.env.COOKIE ? { cookie: process.env.COOKIE } : {},
      redirect: 'manual',
    });
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    const page = measurePage(await res.text(), clientDir);
    console.log(path);
    for (const s of page.scripts)
      console.log(`  ${s.name.padEnd(52)} ${String(s.raw).padStart(8)} ${String(s.gzip).padStart(7)}`);
    console.log(
      `  ${'total'.padEnd(52)} ${String(page.raw).padStart(8)} ${String(page.gzip).padStart(7)}  (raw, gzip bytes)`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
