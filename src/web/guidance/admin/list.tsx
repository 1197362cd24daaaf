// Back office: the guidance library — official documents, newest first, searched with folded Vietnamese
// (number, issuer, title, summary) and filtered by type.
import { z } from 'zod';
import { can, scopeRoots } from '../../../app/policies.server.ts';
import { formatIsoDay } from '../../../lib/dates.ts';
import { searchGuidance } from '../../../modules/guidance/guidance.usecases.server.ts';
import { GUIDANCE_TYPES } from '../../../modules/guidance/guidance.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/list.ts';

const Query = z.object({ q: z.string().max(200).optional(), docType: z.enum(GUIDANCE_TYPES).optional() });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (!can(actor, 'guidance.document.read')) throw new Response(null, { status: 403 });
  const url = new URL(request.url);
  const parsed = Query.safeParse({
    q: url.searchParams.get('q')?.trim() || undefined,
    docType: url.searchParams.get('docType') || undefined,
  });
  const query = parsed.success ? parsed.data : {};
  try {
    const docs = await searchGuidance(deps, actor, query);
    return {
      query,
      canCreate: scopeRoots(actor, 'guidance.document.create').length > 0,
      docs: docs.map((d) => ({
        id: d.id,
        numberSymbol: d.numberSymbol,
        issuer: d.issuer,
        issued: formatIsoDay(d.issuedOn),
        title: d.title,
        docType: d.docType,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function GuidanceList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { query: q, docs } = loaderData;
  return (
    <>
      <title>{`${t('guidance.title')} — Suốt Đời`}</title>
      <h1>{t('guidance.title')}</h1>
      {loaderData.canCreate ? (
        <p>
          <a className="button" href={href('/admin/guidance/new')}>
            {t('guidance.new')}
          </a>
        </p>
      ) : null}
      <form method="get" className="filters">
        <TextField id="g-q" label={t('guidance.search')} name="q" type="search" defaultValue={q.q ?? ''} />
        <SelectField
          id="g-type"
          label={t('guidance.field.type')}
          name="docType"
          defaultValue={q.docType ?? ''}
        >
          <option value="">{t('news.filter.all')}</option>
          {GUIDANCE_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(`guidance.type.${d}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('news.filter.submit')}</button>
      </form>
      <div className="table-wrap">
        <table>
          <caption>{t('guidance.caption', { count: docs.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('guidance.field.number')}</th>
              <th scope="col">{t('guidance.field.title')}</th>
              <th scope="col">{t('guidance.field.issuer')}</th>
              <th scope="col">{t('guidance.field.issuedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id}>
                <td>{d.numberSymbol}</td>
                <th scope="row">
                  <a href={href(`/admin/guidance/${d.id}`)}>{d.title}</a>
                  <span className="muted"> — {t(`guidance.type.${d.docType}`)}</span>
                </th>
                <td>{d.issuer}</td>
                <td>{d.issued}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
