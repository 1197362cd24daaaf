// Generating a period's documents as a job: the focal point asks (a generation row, progress 0), the job runner
// builds DOCX, XLSX and — when LibreOffice is installed — PDF, storing each with the period, the figures it
// shows (snapshot), the generator version and a SHA-256 checksum; earlier versions stay downloadable.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { notFound } from '../../lib/errors.ts';
import { indicatorsPort } from '../indicators/index.server.ts';
import type { Job } from '../jobs/jobs.repository.server.ts';
import { buildReportDocx } from './reports.docx.server.ts';
import { evidenceOf } from './reports.evidence.server.ts';
import { docxToPdf, libreOfficeAvailable } from './reports.pdf.server.ts';
import { type Consolidated, consolidate } from './reports.values.server.ts';
import { GENERATOR_VERSION } from './reports.vocab.ts';
import { type AnnexEvidence, buildReportXlsx } from './reports.xlsx.server.ts';

export const GENERATE_JOB = 'reports.generate';

export const RECIPIENTS = [
  'UBND tỉnh (b/c);',
  'Bộ Văn hóa, Thể thao và Du lịch (b/c);',
  'Ban Giám đốc Sở;',
  'Các đơn vị trực thuộc;',
  'Lưu: VT, QLVHGĐ.',
] as const;

export async function requestGeneration(
  deps: AppDeps,
  actor: Actor,
  periodIdOrCode: string,
  unitId: string | null,
) {
  authorize(actor, 'reports.document.generate');
  const period = await deps.repos.reports.period(deps.db, periodIdOrCode);
  if (!period) throw notFound('report_period');
  return deps.db.transaction(async (tx) => {
    const id = await deps.repos.reports.insertGeneration(
      tx,
      period.id,
      unitId,
      actor.kind === 'user' ? actor.userId : null,
    );
    await deps.repos.jobs.enqueue(tx, {
      kind: GENERATE_JOB,
      payload: { generationId: id },
      dedupeKey: `${GENERATE_JOB}:${id}`,
      maxAttempts: 2,
    });
    await deps.audit.record(tx, actor, {
      action: 'reports.document.generate',
      entityType: 'report_generation',
      entityId: id,
      unitId,
    });
    return id;
  });
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Builds and stores the documents of one generation; progress is written as it goes. */
export async function generateDocuments(deps: AppDeps, generationId: string): Promise<void> {
  const repo = deps.repos.reports;
  const g = await repo.generation(deps.db, generationId);
  if (!g || g.status === 'done') return;
  const period = await repo.period(deps.db, g.periodId);
  if (!period) throw notFound('report_period');
  try {
    await repo.setProgress(deps.db, g.id, 'running', 10);
    const data = await consolidate(deps, period, g.unitId);
    await repo.setProgress(deps.db, g.id, 'running', 50);
    const units = await indicatorsPort.units(deps);
    const root = indicatorsPort.root(units);
    const unitName = g.unitId ? units.find((u) => u.id === g.unitId)?.name : undefined;
    const rootFull = root
      ? ((await deps.repos.units.get(deps.db, root.id))?.name ?? root.name)
      : 'Sở Văn hóa, Thể thao và Du lịch';
    const docx = await buildReportDocx({
      period,
      data,
      issuerParent: g.unitId ? rootFull : 'UBND tỉnh Khánh Hòa',
      issuerName: unitName ?? rootFull,
      issuerAbbrev: 'SVHTTDL',
      place: 'Khánh Hòa',
      date: deps.now(),
      signerTitle: g.unitId ? 'Thủ trưởng đơn vị' : 'KT. Giám đốc\nPhó Giám đốc',
      recipients: RECIPIENTS,
      unitName,
    });
    const xlsx = await buildReportXlsx(period, data, await annexEvidence(deps, period.id, data));
    await repo.setProgress(deps.db, g.id, 'running', 75);
    const files: Array<{ format: 'docx' | 'xlsx' | 'pdf'; content: Uint8Array }> = [
      { format: 'docx', content: docx },
      { format: 'xlsx', content: xlsx },
    ];
    if (await libreOfficeAvailable()) files.push({ format: 'pdf', content: await docxToPdf(docx) });
    await deps.db.transaction(async (tx) => {
      for (const f of files) {
        await repo.insertDocument(tx, {
          generationId: g.id,
          periodId: period.id,
          unitId: g.unitId,
          format: f.format,
          fileName: `bao-cao-${period.code}${g.unitId ? '-don-vi' : ''}.${f.format}`,
          content: f.content,
          sizeBytes: f.content.byteLength,
          checksum: sha256(f.content),
          generatorVersion: GENERATOR_VERSION,
          snapshot: data,
        });
      }
      await repo.setProgress(tx, g.id, 'done', 100);
    });
  } catch (e) {
    await repo.setProgress(
      deps.db,
      g.id,
      'failed',
      100,
      e instanceof Error ? e.message.slice(0, 500) : 'error',
    );
    throw e;
  }
}

export async function runGenerateJob(deps: AppDeps, job: Job): Promise<void> {
  const id = (job.payload as { generationId?: unknown } | null)?.generationId;
  if (typeof id === 'string') await generateDocuments(deps, id);
}

/** The evidence files of the units in the document, for the annex's evidence sheet. */
async function annexEvidence(deps: AppDeps, periodId: string, data: Consolidated): Promise<AnnexEvidence[]> {
  const names = new Map(data.units.map((u) => [u.id, u.name]));
  const subs = (await deps.repos.reports.submissions(deps.db, periodId)).filter((s) => names.has(s.unitId));
  const unitOf = new Map(subs.map((s) => [s.id, s.unitId]));
  return (await evidenceOf(deps.db, [...unitOf.keys()])).map((e) => ({
    unitName: names.get(unitOf.get(e.submissionId) ?? '') ?? '',
    indicatorCode: e.indicatorCode,
    fileName: e.fileName,
    uploadedAt: e.uploadedAt,
  }));
}
