// No user text escapes the boundary normalisation: every string inside an input schema (API bodies, queries,
// path parameters, page forms) is built by src/lib/text.ts or src/lib/date-fields.ts, or is bounded by a
// pattern or format (ids, slugs, times, e-mail, URL). Raw `z.string()` is for output shapes only.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isBoundaryString } from './text.server.ts';

const root = join(import.meta.dirname, '..');
const schemaFiles = readdirSync(join(root, 'modules'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.schemas(\.server)?\.ts$/.test(f))
  .map((f) => join(root, 'modules', f));
/** Input schemas that live beside their use case rather than in a *.schemas.ts file. */
const otherInputFiles = [
  'modules/auth/auth.usecases.server.ts',
  'modules/plan/tasks/task-edit.usecases.server.ts',
  'modules/cooperation/cooperation.usecases.server.ts',
  'modules/inspections/inspections.usecases.server.ts',
  'modules/commendations/commendations.usecases.server.ts',
].map((f) => join(root, f));

/** Secrets are compared exactly as typed (ADR 0008): never normalised. */
const SECRETS = new Set(['SignInSchema.password']);

/** Output shapes (what we send), where plain strings are right. A new output schema is added here. */
const OUTPUT =
  /(Dto|Output|Result|Page|List|Detail|Tree|Totals|Entry)Schema$|^(Event|Session|Registration|CheckInResult|Grant|User|Created|Unit|UnitHistoryEntry|TreeEntry|Report|Instance|PlanTask|PlanTaskInstance|BudgetLine|AuditEntry|AuditPage|RecordOutput|SearchResult|UnitStatus)Schema$/;

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType) => s._zod.def as unknown as Def;

function rawStrings(schema: z.ZodType, path: string, out: string[], seen = new Set<z.ZodType>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  const walk = (s: unknown, p: string): void => rawStrings(s as z.ZodType, p, out, seen);
  switch (def.type) {
    case 'string': {
      const checks = (def.checks as Array<{ _zod: { def: { check: string } } }> | undefined) ?? [];
      const bounded = 'format' in def || checks.some((c) => c._zod.def.check === 'string_format');
      if (!bounded && !isBoundaryString(schema) && !SECRETS.has(path)) out.push(path);
      return;
    }
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, `${path}.${k}`);
      return;
    case 'array':
      walk(def.element, `${path}[]`);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      walk(def.innerType, path);
      return;
    case 'pipe':
      // The input side is what the person sent; the output side sees it already checked.
      walk(def.in, path);
      return;
    case 'union':
      for (const o of def.options as unknown[]) walk(o, path);
      return;
    case 'record':
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      return;
    case 'intersection':
      walk(def.left, path);
      walk(def.right, path);
      return;
    default:
      return;
  }
}

async function inputSchemas(): Promise<Array<[string, z.ZodType]>> {
  const out: Array<[string, z.ZodType]> = [];
  for (const file of [...schemaFiles, ...otherInputFiles]) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const isSchema = !!value && typeof value === 'object' && '_zod' in value;
      if (isSchema && !OUTPUT.test(name)) out.push([name, value as z.ZodType]);
    }
  }
  return out;
}

describe('user text in every input schema', () => {
  it('goes through the shared text and date builders, or a pattern', async () => {
    const schemas = await inputSchemas();
    expect(schemas.length).toBeGreaterThan(40);
    const raw: string[] = [];
    for (const [name, schema] of schemas) rawStrings(schema, name, raw);
    expect(raw).toEqual([]);
    // Importing every module's schemas takes seconds on a busy 2-core machine.
  }, 60_000);

  it('would notice a raw z.string() in an input schema', async () => {
    const { z: zod } = await import('zod');
    const raw: string[] = [];
    rawStrings(zod.strictObject({ title: zod.string().trim().min(1) }), 'Probe', raw);
    expect(raw).toEqual(['Probe.title']);
  });
});
