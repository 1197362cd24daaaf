// Public honour roll: the collectives and people the Department (or higher) has commended, and the models and
// creative practices (mô hình hay, cách làm sáng tạo) it holds up — decided nominations only, with the
// decision's number, date and level. Folded Vietnamese search and a merit filter; a plain GET form, no JS.
import { z } from 'zod';
import { formatIsoDay } from '../../../lib/dates.ts';
import { honourRoll } from '../../../modules/commendations/commendations.usecases.server.ts';
import { COMM_CATEGORIES } from '../../../modules/commendations/commendations.vocab.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import type { Route } from './+types/honour-roll.ts';

const Query = z.object({ q: z.string().max(200).optional(), category: z.enum(COMM_CATEGORIES).optional() });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps } = context.get(requestContext);
  const url = new URL(request.url);
  const parsed = Query.safeParse({
    q: url.searchParams.get('q')?.trim() || undefined,
    category: url.searchParams.get('category') || undefined,
  });
  const query = parsed.success ? parsed.data : {};
  const rows = await honourRoll(deps, query);
  return {
    query,
    rows: rows.map((r) => ({ ...r, decisionDate: r.decisionDate ? formatIsoDay(r.decisionDate) : '' })),
  };
}

export default function HonourRoll({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { query: q, rows } = loaderData;
  return (
    <>
      <title>{`${t('commendations.roll.title')} — Suốt Đời`}</title>
      <h1>{t('commendations.roll.title')}</h1>
      <p className="lead">{t('commendations.roll.lead')}</p>
      <form method="get" className="filters">
        <TextField
          id="hr-q"
          label={t('commendations.roll.search')}
          name="q"
          type="search"
          defaultValue={q.q ?? ''}
        />
        <SelectField
          id="hr-category"
          label={t('commendations.field.category')}
          name="category"
          defaultValue={q.category ?? ''}
        >
          <option value="">{t('cooperation.filter.all')}</option>
          {COMM_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`commendations.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('cooperation.filter.submit')}</button>
      </form>
      <p role="status">{t('commendations.roll.count', { count: rows.length })}</p>
      <ul className="card-list">
        {rows.map((r) => (
          <li key={r.id} className="card">
            <h2>{r.title}</h2>
            <p>
              <strong>{r.nomineeName}</strong> — {t(`commendations.nomineeKind.${r.nomineeKind}`)}
              {r.unitName ? `, ${r.unitName}` : ''}
            </p>
            <p className="muted">
              {t(`commendations.category.${r.category}`)} ·{' '}
              {t('commendations.decisionLine', {
                number: r.decisionNumber,
                date: r.decisionDate,
                level: t(`commendations.level.${r.level}`),
              })}
            </p>
            <p className="prose-text">{r.achievements}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
