// SQL of the indicators module: definitions, targets and the values units enter (its own tables only).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';
import { newId } from './indicators.ids.server.ts';
import type { Aggregation, Direction, Measure, SourceKind } from './indicators.vocab.ts';

export interface IndicatorDefinition {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  measure: Measure;
  direction: Direction;
  aggregation: Aggregation;
  sourceKind: SourceKind;
  sourceKey: string | null;
  numeratorCode: string | null;
  denominatorCode: string | null;
  breakdowns: string[];
  indicatorSet: string;
  citation: string;
  status: 'confirmed' | 'draft';
  active: boolean;
  position: number;
  version: number;
}

export interface IndicatorTarget {
  indicatorId: string;
  year: number;
  unitId: string | null;
  target: number;
  status: 'confirmed' | 'draft';
  citation: string;
}

export interface ManualValue {
  indicatorId: string;
  unitId: string;
  year: number;
  value: number;
  evidence: string;
}

const DEF_COLUMNS = sql`id, code, name_vi AS "nameVi", name_en AS "nameEn", measure, direction, aggregation,
  source_kind AS "sourceKind", source_key AS "sourceKey", numerator_code AS "numeratorCode",
  denominator_code AS "denominatorCode", breakdowns, indicator_set AS "indicatorSet", citation, status, active,
  position, version`;

export type DefinitionInput = Omit<IndicatorDefinition, 'id' | 'version'>;
export type DefinitionChanges = Pick<
  IndicatorDefinition,
  'nameVi' | 'nameEn' | 'direction' | 'aggregation' | 'indicatorSet' | 'citation' | 'status' | 'active'
>;

export function createIndicatorsRepository() {
  return {
    async definitions(db: Db): Promise<IndicatorDefinition[]> {
      return queryRows<IndicatorDefinition>(
        db,
        sql`SELECT ${DEF_COLUMNS} FROM indicator_definitions ORDER BY position, code`,
      );
    },

    async definition(db: Db, id: string): Promise<IndicatorDefinition | undefined> {
      const rows = await queryRows<IndicatorDefinition>(
        db,
        sql`SELECT ${DEF_COLUMNS} FROM indicator_definitions WHERE id = ${id} OR code = ${id}`,
      );
      return rows[0];
    },

    async insertDefinition(db: Db, d: DefinitionInput): Promise<string | null> {
      const id = newId('ind');
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO indicator_definitions (id, code, name_vi, name_en, measure, direction, aggregation,
              source_kind, source_key, numerator_code, denominator_code, breakdowns, indicator_set, citation,
              status, active, position)
            VALUES (${id}, ${d.code}, ${d.nameVi}, ${d.nameEn}, ${d.measure}, ${d.direction}, ${d.aggregation},
              ${d.sourceKind}, ${d.sourceKey}, ${d.numeratorCode}, ${d.denominatorCode},
              ${textArray(d.breakdowns)}::text[], ${d.indicatorSet}, ${d.citation}, ${d.status}, ${d.active},
              ${d.position})
            ON CONFLICT (code) DO NOTHING RETURNING id`,
      );
      return rows[0]?.id ?? null;
    },

    /** Applies the changes when `version` is still current; false when someone saved in between. */
    async updateDefinition(db: Db, id: string, version: number, c: DefinitionChanges): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE indicator_definitions SET name_vi = ${c.nameVi}, name_en = ${c.nameEn},
              direction = ${c.direction}, aggregation = ${c.aggregation}, indicator_set = ${c.indicatorSet},
              citation = ${c.citation}, status = ${c.status}, active = ${c.active},
              version = version + 1, updated_at = now()
            WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },

    async targets(db: Db, indicatorIds?: readonly string[]): Promise<IndicatorTarget[]> {
      const where = indicatorIds ? sql`WHERE indicator_id = ANY(${textArray(indicatorIds)}::text[])` : sql``;
      const rows = await queryRows<IndicatorTarget & { target: string | number }>(
        db,
        sql`SELECT indicator_id AS "indicatorId", year, unit_id AS "unitId", target, status, citation
              FROM indicator_targets ${where} ORDER BY year, unit_id NULLS FIRST`,
      );
      return rows.map((r) => ({ ...r, target: Number(r.target) }));
    },

    async upsertTarget(db: Db, t: IndicatorTarget): Promise<void> {
      await db.execute(
        sql`INSERT INTO indicator_targets (id, indicator_id, year, unit_id, target, status, citation)
            VALUES (${newId('itg')}, ${t.indicatorId}, ${t.year}, ${t.unitId}, ${t.target}, ${t.status}, ${t.citation})
            ON CONFLICT (indicator_id, year, coalesce(unit_id, ''))
            DO UPDATE SET target = EXCLUDED.target, status = EXCLUDED.status, citation = EXCLUDED.citation,
                          updated_at = now()`,
      );
    },

    /** Adds a seeded target unless one exists for the indicator, year and unit (never overwrites an edit). */
    async insertTargetIfMissing(db: Db, t: IndicatorTarget): Promise<void> {
      await db.execute(
        sql`INSERT INTO indicator_targets (id, indicator_id, year, unit_id, target, status, citation)
            VALUES (${newId('itg')}, ${t.indicatorId}, ${t.year}, ${t.unitId}, ${t.target}, ${t.status}, ${t.citation})
            ON CONFLICT (indicator_id, year, coalesce(unit_id, '')) DO NOTHING`,
      );
    },

    async deleteTarget(db: Db, indicatorId: string, year: number, unitId: string | null): Promise<void> {
      await db.execute(
        sql`DELETE FROM indicator_targets WHERE indicator_id = ${indicatorId} AND year = ${year}
              AND coalesce(unit_id, '') = ${unitId ?? ''}`,
      );
    },

    async manualValues(
      db: Db,
      indicatorIds: readonly string[],
      years: readonly number[],
      unitIds?: readonly string[],
    ): Promise<ManualValue[]> {
      if (indicatorIds.length === 0 || years.length === 0) return [];
      const units = unitIds ? sql` AND unit_id = ANY(${textArray(unitIds)}::text[])` : sql``;
      const rows = await queryRows<ManualValue & { value: string | number }>(
        db,
        sql`SELECT indicator_id AS "indicatorId", unit_id AS "unitId", year, value, evidence
              FROM indicator_manual_values
             WHERE indicator_id = ANY(${textArray(indicatorIds)}::text[])
               AND year = ANY(${sql.param(years.map(Number))}::int[])${units}`,
      );
      return rows.map((r) => ({ ...r, value: Number(r.value) }));
    },

    async upsertManualValue(db: Db, v: ManualValue, enteredBy: string | null): Promise<void> {
      await db.execute(
        sql`INSERT INTO indicator_manual_values (id, indicator_id, unit_id, year, value, evidence, entered_by)
            VALUES (${newId('imv')}, ${v.indicatorId}, ${v.unitId}, ${v.year}, ${v.value}, ${v.evidence}, ${enteredBy})
            ON CONFLICT (indicator_id, unit_id, year)
            DO UPDATE SET value = EXCLUDED.value, evidence = EXCLUDED.evidence, entered_by = EXCLUDED.entered_by,
                          entered_at = now()`,
      );
    },

    /** Population per commune in the year (the latest earlier year's figure where the year has none). */
    async populationOf(db: Db, year: number): Promise<Map<string, number>> {
      const rows = await queryRows<{ commune: string; population: number }>(
        db,
        sql`SELECT DISTINCT ON (commune) commune, population FROM indicator_commune_population
             WHERE year <= ${year} ORDER BY commune, year DESC`,
      );
      return new Map(rows.map((r) => [r.commune, Number(r.population)]));
    },

    /** Inserts or replaces each commune and year's figure; returns how many rows actually changed. */
    async upsertPopulation(
      db: Db,
      lines: ReadonlyArray<{ commune: string; year: number; population: number; source: string }>,
      by: string | null,
      at: Date,
    ): Promise<number> {
      let changed = 0;
      for (const l of lines) {
        const rows = await queryRows<{ commune: string }>(
          db,
          sql`INSERT INTO indicator_commune_population (commune, year, population, source, updated_by, updated_at)
              VALUES (${l.commune}, ${l.year}, ${l.population}, ${l.source}, ${by}, ${at})
              ON CONFLICT (commune, year) DO UPDATE
                SET population = EXCLUDED.population, source = EXCLUDED.source,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
              WHERE indicator_commune_population.population <> EXCLUDED.population
                 OR indicator_commune_population.source <> EXCLUDED.source
              RETURNING commune`,
        );
        changed += rows.length;
      }
      return changed;
    },

    async deleteManualValue(db: Db, indicatorId: string, unitId: string, year: number): Promise<void> {
      await db.execute(
        sql`DELETE FROM indicator_manual_values
             WHERE indicator_id = ${indicatorId} AND unit_id = ${unitId} AND year = ${year}`,
      );
    },
  };
}

export type IndicatorsRepository = ReturnType<typeof createIndicatorsRepository>;
