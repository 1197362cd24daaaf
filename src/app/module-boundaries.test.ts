// Module boundaries: every table the migrations create has exactly one owning module (its descriptor's
// `tables`), and no module's repository SQL names another module's table — it calls the owner's read/write
// port instead (the owner's `index.server.ts`), or joins a view the owner publishes as a read contract (its
// descriptor's `publishedViews`, ADR 0014): another module's table never, its published view yes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modules } from './modules.server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const MIGRATIONS = join(ROOT, 'src/db/migrations');
const MODULES = join(ROOT, 'src/modules');

/**
 * Crossings not yet replaced by a port or a published view, as `file → other module's table` (ADR 0009, "Not
 * done yet"; ADR 0014). Each is a table name away from the owner's published view (`units` → `unit_directory`,
 * `users` → `user_directory`, `role_grants` → `role_grant_directory`). The list may only shrink: a new crossing
 * fails the test, and so does an entry that no longer exists.
 */
const KNOWN_CROSSINGS: readonly string[] = [];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** The relations of one kind the migrations leave behind: created, and not dropped by a later migration. */
function migrationRelations(kind: 'table' | 'view'): string[] {
  const names = new Set<string>();
  const create = new RegExp(
    `create\\s+(?:or\\s+replace\\s+)?${kind}\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)`,
    'gi',
  );
  const drop = new RegExp(`drop\\s+${kind}\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)`, 'gi');
  for (const f of readdirSync(MIGRATIONS)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    const text = readFileSync(join(MIGRATIONS, f), 'utf8').replace(/--[^\n]*/g, '');
    // In file order: a table dropped and created again in later migrations is there.
    const steps = [
      ...[...text.matchAll(create)].map((m) => ({ at: m.index, name: m[1] as string, add: true })),
      ...[...text.matchAll(drop)].map((m) => ({ at: m.index, name: m[1] as string, add: false })),
    ].sort((a, b) => a.at - b.at);
    for (const st of steps) st.add ? names.add(st.name.toLowerCase()) : names.delete(st.name.toLowerCase());
  }
  return [...names].sort();
}
const migrationTables = () => migrationRelations('table');

/** The text of every template literal in a file: where its SQL is. */
const sqlText = (source: string) => [...source.matchAll(/`([^`]*)`/g)].map((m) => m[1]).join('\n');

describe('module boundaries', () => {
  const owner = new Map<string, string>();
  for (const m of modules) for (const t of m.tables ?? []) owner.set(t, m.name);

  it('gives every table a migration creates exactly one owning module', () => {
    const declared = modules.flatMap((m) => (m.tables ?? []).map((t) => `${t} (${m.name})`));
    const twice = declared.filter(
      (d, i) => declared.findIndex((e) => e.split(' ')[0] === d.split(' ')[0]) !== i,
    );
    expect(twice).toEqual([]);
    expect(migrationTables().filter((t) => !owner.has(t))).toEqual([]);
    expect([...owner.keys()].filter((t) => !migrationTables().includes(t))).toEqual([]);
  });

  it('gives every view a migration creates exactly one publishing module, and publishes no table', () => {
    const declared = modules.flatMap((m) => (m.publishedViews ?? []).map((v) => v));
    expect(declared.filter((v, i) => declared.indexOf(v) !== i)).toEqual([]);
    expect(declared.filter((v) => owner.has(v))).toEqual([]);
    expect([...declared].sort()).toEqual(migrationRelations('view'));
  });

  it("keeps every module's repository SQL on the module's own tables", () => {
    const crossings: string[] = [];
    for (const file of files(MODULES).filter((f) => /\.(repository|queries)\.server\.ts$/.test(f))) {
      const rel = relative(ROOT, file);
      const mod = rel.split('/')[2] as string;
      const sql = sqlText(readFileSync(file, 'utf8'));
      for (const [table, by] of owner) {
        if (by === mod) continue;
        const re = new RegExp(`\\b(?:from|join|into|update|table|references)\\s+${table}\\b`, 'i');
        if (re.test(sql)) crossings.push(`${rel} → ${table} (${by})`);
      }
    }
    expect(crossings.sort()).toEqual([...KNOWN_CROSSINGS].sort());
  });
});
