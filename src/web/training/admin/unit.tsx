// Back office: a unit's training record for a year (the unit and its subtree): per person, courses taken,
// hours attended and certificates received. A plain GET form chooses the unit and the year.
import { z } from 'zod';
import { yearInVietnam } from '../../../lib/dates.ts';
import { recordUnits, unitRecord } from '../../../modules/training/training.records.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/unit.ts';

const Query = z.object({
  unitId: z.string().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const parsed = Query.safeParse({
    unitId: url.searchParams.get('unitId') || undefined,
    year: url.searchParams.get('year') || yearInVietnam(deps.now()),
  });
  const q = parsed.success ? parsed.data : { year: yearInVietnam(deps.now()) };
  try {
    const units = await recordUnits(deps, actor);
    if (units.length === 0) throw new Response(null, { status: 403 });
    const unitId = units.some((u) => u.id === q.unitId) ? (q.unitId as string) : (units[0]?.id as string);
    return { units, unitId, record: await unitRecord(deps, actor, unitId, q.year) };
  } catch (e) {
    if (e instanceof Response) throw e;
    rethrowForPage(e);
  }
}

export default function UnitRecord({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { units, unitId, record: r } = loaderData;
  return (
    <>
      <title>{`${t('training.unitRecord')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/training')}>{t('training.title')}</a>
      </p>
      <h1>{t('training.unitRecord')}</h1>
      <form method="get" className="filters">
        <SelectField id="tu-unit" label={t('training.field.unit')} name="unitId" defaultValue={unitId}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="tu-year"
          label={t('training.field.year')}
          name="year"
          type="number"
          min={2000}
          max={2100}
          defaultValue={r.year}
        />
        <button type="submit">{t('news.filter.submit')}</button>
      </form>
      <p>{t('training.unit.summary', { people: r.people.length, hours: r.totalHours })}</p>
      <div className="table-wrap">
        <table>
          <caption>{`${r.unit.name} — ${r.year}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('training.col.person')}</th>
              <th scope="col">{t('training.field.unit')}</th>
              <th scope="col">{t('training.col.courses')}</th>
              <th scope="col">{t('training.col.hours')}</th>
              <th scope="col">{t('training.col.certificate')}</th>
            </tr>
          </thead>
          <tbody>
            {r.people.map((p) => (
              <tr key={`${p.userId}-${p.unitId}`}>
                <th scope="row">
                  <a href={href(`/admin/training/people/${p.userId}`)}>{p.name}</a>
                </th>
                <td>{p.unitName}</td>
                <td>{p.courses}</td>
                <td>{p.hours}</td>
                <td>{p.certificates}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
