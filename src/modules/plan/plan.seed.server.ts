// Seeds the plan (both appendices) and the commemorative days. Runs on every start after the units seed:
// idempotent (a second run writes nothing) and corrective (a fixed transcription updates the stored row).
// Instances are only ever added: an instance that exists may already carry progress. Tasks edited in the
// app (plan_task_edits) are left as edited.
import type { AppDeps } from '../../app/deps.types.ts';
import { COMMEMORATIVE_DAYS } from './commemorative-days.data.ts';
import { forgetCommemorativeDays } from './commemorative-days.server.ts';
import { PLAN_TASKS, type PlanTaskSource } from './plan.data.ts';
import { expandInstanceYears } from './plan.model.ts';

type SeedDeps = Pick<AppDeps, 'db' | 'repos'>;

export interface PlanSeedReport {
  tasksWritten: number;
  unitLinksChanged: number;
  instancesCreated: number;
}

export async function seedPlan(
  deps: SeedDeps,
  tasks: readonly PlanTaskSource[] = PLAN_TASKS,
): Promise<PlanSeedReport> {
  const repo = deps.repos.plan;
  return deps.db.transaction(async (tx) => {
    const codes = [...new Set(tasks.flatMap((t) => [...t.lead.codes, ...t.coordinating.codes]))];
    const unitIds = new Map<string, string>();
    for (const code of codes) {
      const unit = await deps.repos.units.byCode(tx, code);
      if (unit) unitIds.set(code, unit.id);
    }
    const missing = codes.filter((c) => !unitIds.has(c));
    if (missing.length)
      throw new Error(`seedPlan: units not seeded (run seedUnits first): ${missing.join(', ')}`);
    const idsOf = (cs: readonly string[]) => cs.map((c) => unitIds.get(c) as string);

    const report: PlanSeedReport = { tasksWritten: 0, unitLinksChanged: 0, instancesCreated: 0 };
    for (const t of tasks) {
      const { id, written } = await repo.upsertSourceTask(tx, {
        sourceKey: t.sourceKey,
        phase: t.phase,
        section: t.section,
        sectionTitle: t.sectionTitle,
        number: t.number,
        content: t.content,
        product: t.product,
        leadUnitsText: t.lead.text,
        coordinatingUnitsText: t.coordinating.text,
        leadGroups: [...t.lead.groups],
        coordinatingGroups: [...t.coordinating.groups],
        timeText: t.timeText,
        time: t.time,
      });
      if (written) report.tasksWritten++;
      // A task the focal point has edited in the app (units, years, wording) keeps its edits.
      if (await deps.repos.planTaskEdits.hasEdits(tx, id)) continue;
      report.unitLinksChanged += await repo.syncTaskUnits(tx, id, 'lead', idsOf(t.lead.codes));
      report.unitLinksChanged += await repo.syncTaskUnits(
        tx,
        id,
        'coordinating',
        idsOf(t.coordinating.codes),
      );
      report.instancesCreated += await repo.ensureInstances(tx, id, expandInstanceYears(t.phase, t.time));
    }
    return report;
  });
}

export async function seedCommemorativeDays(deps: SeedDeps & Pick<AppDeps, 'dbh'>): Promise<number> {
  const written = await deps.db.transaction(async (tx) => {
    let written = 0;
    for (const d of COMMEMORATIVE_DAYS) {
      const changed = await deps.repos.plan.upsertCommemorativeDay(tx, {
        code: d.code,
        name: d.name,
        month: d.month,
        day: d.day,
        endMonth: d.end?.month ?? null,
        endDay: d.end?.day ?? null,
        sourceNote: d.sourceNote,
      });
      if (changed) written++;
    }
    return written;
  });
  // This process's copy at once; the others on the notification sent at commit (migration 0203).
  forgetCommemorativeDays(deps);
  return written;
}
