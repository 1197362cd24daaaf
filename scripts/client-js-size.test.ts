import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measurePage, pageScripts } from './client-js-size.ts';

const client = () => {
  const dir = mkdtempSync(join(tmpdir(), 'client-js-'));
  mkdirSync(join(dir, 'assets'));
  const files = {
    'assets/scan-a1.js': 'export const scan = () => 1;'.repeat(20),
    'assets/offline-b2.js': 'self.x = 2;',
    'assets/entry.client-c3.js': 'import "react";'.repeat(500),
    'assets/app-d4.css': 'body{}',
  };
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return { dir, files };
};

describe('client-js-size', () => {
  it('counts the scripts a page names and runs, not the route’s module graph', () => {
    const { dir, files } = client();
    const html = [
      '<html><head><link rel="stylesheet" href="/assets/app-d4.css"/>',
      '<script type="application/ld+json">{"@type":"Event","name":"Ngày Sách"}</script>',
      '</head><body><main>…</main>',
      '<script src="/assets/scan-a1.js?v=1" defer=""></script>',
      '<script nonce="n">document.documentElement.dataset.js = "1";</script>',
      '<script src="/assets/offline-b2.js" defer=""></script></body></html>',
    ].join('');
    const page = measurePage(html, dir);
    expect(page.scripts.map((s) => s.name)).toEqual([
      '/assets/scan-a1.js?v=1',
      'inline #1',
      '/assets/offline-b2.js',
    ]);
    const gz = (text: string) => gzipSync(Buffer.from(text)).length;
    expect(page.gzip).toBe(
      gz(files['assets/scan-a1.js']) +
        gz('document.documentElement.dataset.js = "1";') +
        gz(files['assets/offline-b2.js']),
    );
    expect(page.raw).toBe(files['assets/scan-a1.js'].length + 42 + files['assets/offline-b2.js'].length);
  });

  it('counts module preloads and the hydration entry once each on a page that hydrates', () => {
    const { dir } = client();
    const html =
      '<link rel="modulepreload" href="/assets/entry.client-c3.js"/>' +
      '<script>window.__reactRouterContext = {};</script>' +
      '<script type="module" src="/assets/entry.client-c3.js"></script>';
    expect(pageScripts(html)).toEqual([
      { src: '/assets/entry.client-c3.js' },
      { inline: 'window.__reactRouterContext = {};' },
    ]);
    expect(measurePage(html, dir).raw).toBe('import "react";'.length * 500 + 33);
  });

  it('counts nothing for a page without scripts', () => {
    const { dir } = client();
    expect(measurePage('<html><body><h1>Suốt Đời</h1></body></html>', dir)).toEqual({
      scripts: [],
      raw: 0,
      gzip: 0,
    });
  });
});
