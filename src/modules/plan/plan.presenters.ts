import type { PlanTask } from './plan.repository.server.ts';
import type { PlanTaskDto } from './plan.schemas.server.ts';

export function presentPlanTask(t: PlanTask): PlanTaskDto {
  return {
    id: t.id,
    sourceKey: t.sourceKey,
    origin: t.origin,
    phase: t.phase,
    section: t.section,
    sectionTitle: t.sectionTitle,
    number: t.number,
    content: t.content,
    product: t.product,
    lead: { units: t.leadUnits, groups: t.leadGroups, text: t.leadUnitsText },
    coordinating: { units: t.coordinatingUnits, groups: t.coordinatingGroups, text: t.coordinatingUnitsText },
    timeText: t.timeText,
    time: t.time,
    instances: t.instances,
  };
}
