// Module boundaries: every table the migrations create has exactly one owning module (its descriptor's
// `tables`), and no module's repository SQL names another module's table — it calls the owner's read/write
// port instead (the owner's `index.server.ts`).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modules } from './modules.server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const MIGRATIONS = join(ROOT, 'src/db/migrations');
const MODULES = join(ROOT, 'src/modules');

/**
 * Crossings not yet replaced by a port, as `file → other module's table` (ADR 0009, "Not done yet").
 * The list may only shrink: a new crossing fails the test, and so does an entry that no longer exists.
 */
const KNOWN_CROSSINGS: readonly string[] = [
  'src/modules/auth/auth.repository.server.ts → settings (settings)',
  'src/modules/catalogue/catalogue.repository.server.ts → units (units)',
  'src/modules/catalogue/harvest/harvest.repository.server.ts → units (units)',
  'src/modules/catalogue/media/media.repository.server.ts → stored_files (files)',
  'src/modules/catalogue/oai/oai.repository.server.ts → units (units)',
  'src/modules/catalogue/tabular/csv.repository.server.ts → users (auth)',
  'src/modules/event-feeds/community.repository.server.ts → units (units)',
  'src/modules/event-feeds/feeds.repository.server.ts → event_registrations (events)',
  'src/modules/event-feeds/feeds.repository.server.ts → event_sessions (events)',
  'src/modules/event-feeds/feeds.repository.server.ts → events (events)',
  'src/modules/event-feeds/feeds.repository.server.ts → places (places)',
  'src/modules/event-feeds/feeds.repository.server.ts → units (units)',
  'src/modules/events/events.repository.server.ts → units (units)',
  'src/modules/exhibitions/exhibitions.repository.server.ts → stored_files (files)',
  'src/modules/exhibitions/exhibitions.repository.server.ts → units (units)',
  'src/modules/follows/follows.repository.server.ts → event_sessions (events)',
  'src/modules/follows/follows.repository.server.ts → events (events)',
  'src/modules/follows/follows.repository.server.ts → places (places)',
  'src/modules/follows/follows.repository.server.ts → units (units)',
  'src/modules/plan/budget/budget.repository.server.ts → units (units)',
  'src/modules/plan/plan.repository.server.ts → units (units)',
  'src/modules/plan/tasks/task-edit.repository.server.ts → units (units)',
  'src/modules/plan/timeline/overview.repository.server.ts → units (units)',
  'src/modules/plan/work/evidence.repository.server.ts → stored_files (files)',
  'src/modules/plan/work/work-queries.repository.server.ts → units (units)',
  'src/modules/plan/work/work-queries.repository.server.ts → users (auth)',
  'src/modules/plan/work/work.repository.server.ts → role_grants (access)',
  'src/modules/plan/work/work.repository.server.ts → units (units)',
  'src/modules/plan/work/work.repository.server.ts → users (auth)',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function migrationTables(): string[] {
  const names = new Set<string>();
  for (const f of readdirSync(MIGRATIONS).filter((n) => n.endsWith('.sql'))) {
    const text = readFileSync(join(MIGRATIONS, f), 'utf8');
    for (const m of text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi))
      names.add((m[1] as string).toLowerCase());
  }
  return [...names].sort();
}

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
