// Staff: the full validation report of a spreadsheet import as CSV (UTF-8 with BOM so Excel shows Vietnamese).
// Values quoted from the uploaded file are neutralised so the report never carries a live formula.
import { translator } from '../../../lib/i18n.server.ts';
import {
  getTabularImport,
  listTabularIssues,
} from '../../../modules/catalogue/tabular/csv.usecases.server.ts';
import { csvLine } from '../../../modules/catalogue/tabular/formula.ts';
import { requestContext } from '../../context.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { issueView } from '../components/tabular-view.ts';
import type { Route } from './+types/tabular-report.ts';

const MAX_LINES = 200_000;

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    const job = await getTabularImport(deps, actor, params.importId);
    const issues = await listTabularIssues(deps, actor, job.id, MAX_LINES);
    const t = translator(locale);
    const lines = [
      '\uFEFF',
      csvLine([
        t('catalogueTabular.job.row'),
        t('catalogueTabular.job.severity'),
        t('catalogueTabular.job.reason'),
      ]),
      ...issues.map((i) => {
        const v = issueView(i, t);
        return csvLine([v.rowNumber, t(`catalogueTabular.severity.${v.severity}`), t(v.key, v.params)]);
      }),
    ];
    const name = `${job.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_')}-report.csv`;
    return new Response(lines.join(''), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="report.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (e) {
    rethrowForPage(e);
  }
}
