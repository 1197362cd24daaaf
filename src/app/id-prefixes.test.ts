// Public id prefixes are declared by the module that mints them (`idPrefixes`, from its `<feature>.ids.server.ts`);
// there is no central list. This test keeps the declarations honest: one owner per prefix, every prefix in the
// shape ids have, and a module minting only its own kinds (the typed `newId` already refuses others; this also
// catches a module that borrows another's ids file or defines ids anywhere else).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../lib/ids.server.ts';
import { modules } from './modules.server.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const sources = [...files(join(ROOT, 'src/modules')), ...files(join(ROOT, 'src/web'))]
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((f) => ({ rel: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

/** `src/modules/events/…` and `src/web/events/…` belong to the events feature. */
const featureOf = (rel: string) => rel.split('/')[2] as string;

const declared = new Map(modules.map((m) => [m.name, new Set(m.idPrefixes ?? [])]));

describe('id prefixes', () => {
  it('gives every prefix exactly one declaring module', () => {
    const all = modules.flatMap((m) => (m.idPrefixes ?? []).map((p) => `${p} (${m.name})`));
    const twice = all.filter((d, i) => all.findIndex((e) => e.split(' ')[0] === d.split(' ')[0]) !== i);
    expect(twice).toEqual([]);
  });

  it('declares only prefixes that make ids of the public shape (prefix_ and 16 base32 characters)', () => {
    const bad = modules.flatMap((m) =>
      (m.idPrefixes ?? []).filter((p) => !ID_PATTERN.test(`${p}_abcdefghijkmnpqr`)),
    );
    expect(bad).toEqual([]);
  });

  it("defines ids only in a module's own ids file, which is what its descriptor declares", async () => {
    const definers = sources.filter((s) => /\bdefineIds\(/.test(s.text)).map((s) => s.rel);
    const expected = modules
      .filter((m) => m.idPrefixes?.length)
      .map((m) => `src/modules/${m.name}/${m.name}.ids.server.ts`);
    expect(definers.sort()).toEqual(expected.sort());
    for (const m of modules.filter((x) => x.idPrefixes?.length)) {
      const file = (await import(`../modules/${m.name}/${m.name}.ids.server.ts`)) as Record<string, unknown>;
      const factory = Object.values(file).find(
        (v): v is { prefixes: readonly string[] } => typeof v === 'object' && v !== null && 'prefixes' in v,
      );
      expect(factory?.prefixes, m.name).toEqual(m.idPrefixes);
    }
  });

  it("imports a module's ids file only from that module's own code and pages", () => {
    const crossings = sources.flatMap((s) =>
      [...s.text.matchAll(/from '[^']*\/([a-z-]+)\.ids\.server\.ts'/g)]
        .filter((m) => m[1] !== featureOf(s.rel))
        .map((m) => `${s.rel} → ${m[1]}`),
    );
    expect(crossings).toEqual([]);
  });

  it('leaves the untyped minting of lib/ids.server.ts to scripts outside src/', () => {
    const users = sources
      .filter((s) => /import \{[^}]*\bnewId\b[^}]*\} from '[./]*lib\/ids\.server\.ts'/.test(s.text))
      .map((s) => s.rel);
    expect(users).toEqual([]);
  });

  it('mints, in each feature, only the prefixes its module declares', () => {
    const undeclared = sources.flatMap((s) =>
      [...s.text.matchAll(/\bnewId\('([a-z]+)'\)/g)]
        .filter((m) => !declared.get(featureOf(s.rel))?.has(m[1] as string))
        .map((m) => `${s.rel}: ${m[1]}`),
    );
    expect(undeclared).toEqual([]);
  });
});
