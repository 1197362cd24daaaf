// Shapes a plan task for the back-office pages (list and detail).
import type { Translate } from '../../../lib/i18n.ts';
import { type PlanTime, timeRangeLabel } from '../../../modules/plan/plan.model.ts';
import type { PlanTask } from '../../../modules/plan/plan.repository.server.ts';

export function planTaskRow(t: PlanTask) {
  return {
    id: t.id,
    phase: t.phase,
    section: t.section,
    sectionTitle: t.sectionTitle,
    number: t.number,
    content: t.content,
    product: t.product,
    lead: [...t.leadUnits.map((u) => u.name), ...t.leadGroups],
    coordinating: [...t.coordinatingUnits.map((u) => u.name), ...t.coordinatingGroups],
    time: t.time,
    years: t.instances.map((i) => ({ year: i.year, inferred: i.yearInferred })),
  };
}

export function planTimeLabel(t: Translate, time: PlanTime): string {
  return (
    timeRangeLabel(time) ?? (time.kind === 'yearly' ? t('plan.time.yearly') : t('plan.time.unspecified'))
  );
}

/** "2023-2025" → "2023–2025" for display. */
export function phaseLabel(phase: string): string {
  return phase.replace('-', '–');
}
