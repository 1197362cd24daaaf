// The budget as an Excel workbook: one sheet of lines, one of totals per unit, source and year.
import ExcelJS from 'exceljs';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Actor } from '../../../lib/authz.ts';
import { formatDate } from '../../../lib/dates.ts';
import { type Locale, t } from '../../../lib/i18n.server.ts';
import type { BudgetSums } from './budget.repository.server.ts';
import type { BudgetQuery } from './budget.schemas.server.ts';
import type { BudgetSource } from './budget.table.server.ts';
import { listBudget } from './budget.usecases.server.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MONEY = '#,##0 "₫"';

export function budgetSourceKey(s: BudgetSource) {
  return `planBudget.source.${s}` as const;
}

export async function exportBudgetXlsx(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  actor: Actor,
  query: BudgetQuery,
  locale: Locale,
): Promise<Buffer> {
  const { lines, totals } = await listBudget(deps, actor, query);
  const tr = (k: Parameters<typeof t>[1]) => t(locale, k);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Suốt Đời';
  wb.created = new Date(0);

  const sheet = wb.addWorksheet(tr('planBudget.export.linesSheet'));
  sheet.columns = [
    { header: tr('planBudget.col.year'), key: 'year', width: 7 },
    { header: tr('planBudget.col.task'), key: 'task', width: 12 },
    { header: tr('planBudget.col.taskContent'), key: 'taskContent', width: 50 },
    { header: tr('planBudget.col.unit'), key: 'unit', width: 30 },
    { header: tr('planBudget.col.content'), key: 'content', width: 40 },
    { header: tr('planBudget.col.source'), key: 'source', width: 22 },
    { header: tr('planBudget.col.amount'), key: 'amount', width: 18, style: { numFmt: MONEY } },
    { header: tr('planBudget.col.approved'), key: 'approved', width: 18, style: { numFmt: MONEY } },
    { header: tr('planBudget.col.comment'), key: 'comment', width: 30 },
    { header: tr('planBudget.col.appraisedAt'), key: 'appraisedAt', width: 14 },
    { header: tr('planBudget.col.spent'), key: 'spent', width: 18, style: { numFmt: MONEY } },
    { header: tr('planBudget.col.document'), key: 'document', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const l of lines) {
    sheet.addRow({
      year: l.year,
      task: `${l.taskPhase} ${l.taskSection}.${l.taskNumber}`,
      // Cell text that starts like a formula is kept as text: exceljs writes strings as shared strings, never
      // as formulas, so "=HYPERLINK(…)" typed into a line stays inert.
      taskContent: l.taskContent,
      unit: l.unitName,
      content: l.content,
      source: tr(budgetSourceKey(l.source)),
      amount: l.amount,
      approved: l.approvedAmount,
      comment: l.appraisalComment ?? '',
      appraisedAt: l.appraisedAt ? formatDate(l.appraisedAt) : '',
      spent: l.spentAmount,
      document: l.spentDocument ?? '',
    });
  }

  const sum = wb.addWorksheet(tr('planBudget.export.totalsSheet'));
  sum.columns = [
    { key: 'label', width: 40 },
    { key: 'lines', width: 10 },
    { key: 'estimated', width: 20, style: { numFmt: MONEY } },
    { key: 'approved', width: 20, style: { numFmt: MONEY } },
    { key: 'spent', width: 20, style: { numFmt: MONEY } },
  ];
  const block = (title: string, rows: Array<{ label: string } & BudgetSums>) => {
    const head = sum.addRow([
      title,
      tr('planBudget.col.lines'),
      tr('planBudget.col.amount'),
      tr('planBudget.col.approved'),
      tr('planBudget.col.spent'),
    ]);
    head.font = { bold: true };
    for (const r of rows) sum.addRow([r.label, r.lines, r.estimated, r.approved, r.spent]);
    sum.addRow([]);
  };
  block(tr('planBudget.totals.all'), [{ label: tr('planBudget.totals.allRow'), ...totals.all }]);
  block(
    tr('planBudget.totals.byUnit'),
    totals.byUnit.map((r) => ({ ...r, label: r.unitName })),
  );
  block(
    tr('planBudget.totals.bySource'),
    totals.bySource.map((r) => ({ ...r, label: tr(budgetSourceKey(r.source)) })),
  );
  block(
    tr('planBudget.totals.byYear'),
    totals.byYear.map((r) => ({ ...r, label: String(r.year) })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
