// API shapes of the plan's live work: an instance with the unit reports the caller may see and its timeline.

import type { UnitReport } from './work.repository.server.ts';
import type { InstanceDto, ReportDto } from './work.schemas.server.ts';
import type { InstanceView, UnitPartView } from './work.usecases.server.ts';

export function presentReport(p: Pick<UnitPartView, 'unit' | 'report' | 'evidence'>): ReportDto {
  const r = p.report;
  return {
    id: r?.id ?? null,
    unit: p.unit,
    assignee: r?.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
    status: r?.status ?? 'not_started',
    statusReason: r?.statusReason ?? null,
    percent: r?.percent ?? 0,
    narrative: r?.narrative ?? '',
    state: r?.state ?? 'draft',
    returnComment: r?.returnComment ?? null,
    version: r?.version ?? 0,
    evidence: p.evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      url: e.url,
      recordType: e.recordType,
      recordId: e.recordId,
      mime: e.fileMime,
      size: e.fileSize,
    })),
  };
}

export function presentInstance(v: InstanceView): InstanceDto {
  return {
    id: v.instance.id,
    taskId: v.task.id,
    year: v.instance.year,
    dueDate: v.instance.dueDate,
    status: v.instance.status,
    version: v.instance.version,
    reports: v.parts.map(presentReport),
    timeline: v.events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      unitId: e.unitId,
      fromState: e.fromState,
      toState: e.toState,
      comment: e.comment,
      actor: e.actorName,
    })),
  };
}

/** A report just written, as the API answers it (evidence listed separately on the instance). */
export function presentWrittenReport(v: InstanceView, report: UnitReport): ReportDto {
  const part = v.parts.find((p) => p.unit.id === report.unitId);
  if (!part) throw new Error('written report not visible to its writer');
  return presentReport(part);
}
