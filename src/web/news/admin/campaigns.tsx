// Back office: communication campaigns (a theme grouping articles, events and materials) and media products
// (reports, online talks) with their reach. Two creating forms, each with a one-time token; no JavaScript.
import { redirect } from 'react-router';
import { formatIsoDay } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import { MEDIA_KINDS } from '../../../modules/news/news.vocab.ts';
import {
  CampaignInputSchema,
  campaignsView,
  createCampaign,
  createMediaProduct,
  MediaInputSchema,
} from '../../../modules/news/news-campaigns.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FieldError, fieldAria, SelectField, TextArea } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formDay, formValues } from '../../ui/form-values.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/campaigns.ts';

const C_FIELDS = ['unitId', 'title', 'summary', 'startsOn', 'endsOn', 'materials'] as const;
const M_FIELDS = ['unitId', 'kind', 'title', 'outlet', 'url', 'releasedOn', 'reach', 'campaignId'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await campaignsView(deps, actor);
    return {
      ...v,
      campaigns: v.campaigns.map((c) => ({
        id: c.id,
        title: c.title,
        period: c.startsOn && c.endsOn ? `${formatIsoDay(c.startsOn)} – ${formatIsoDay(c.endsOn)}` : '',
      })),
      media: v.media.map((m) => ({ ...m, released: formatIsoDay(m.releasedOn) })),
      done: doneNotice(request.url, { campaign: 'news.done.campaign', media: 'news.done.media' }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

const day = (s: string) => (s.trim() === '' ? null : (formDay(s) ?? s));

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const back = (done: string) => redirect(`${localePath(locale, '/admin/news/campaigns')}?done=${done}`, 303);
  if (intent === 'campaign') {
    const values = { ...formValues(form, C_FIELDS), intent };
    const parsed = CampaignInputSchema.safeParse({
      unitId: values.unitId,
      title: values.title,
      summary: values.summary,
      startsOn: day(values.startsOn),
      endsOn: day(values.endsOn),
      materialLinks: values.materials
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => {
          const at = l.lastIndexOf('|');
          return at < 0
            ? { title: l, url: l }
            : { title: l.slice(0, at).trim(), url: l.slice(at + 1).trim() };
        }),
    });
    if (!parsed.success)
      return invalid(
        issuesToMessages(parsed.error, {
          unitId: { field: 'cp-unit', key: 'news.form.invalid.unit' },
          title: { field: 'cp-title', key: 'news.form.invalid.title' },
          startsOn: { field: 'cp-starts', key: 'news.error.campaignDates' },
          endsOn: { field: 'cp-ends', key: 'news.error.campaignDates' },
          materialLinks: { field: 'cp-materials', key: 'news.form.invalid.materials' },
        }),
        values,
      );
    try {
      await onceForm(deps, actor, 'news.campaign.create', form, (d) => createCampaign(d, actor, parsed.data));
      return back('campaign');
    } catch (e) {
      return failure(e, values, 'cp-title');
    }
  }
  const values = { ...formValues(form, M_FIELDS), intent: 'media' };
  const reach = values.reach.replace(/[.\s]/g, '');
  const parsed = MediaInputSchema.safeParse({
    unitId: values.unitId,
    kind: values.kind,
    title: values.title,
    outlet: values.outlet,
    url: values.url.trim() || null,
    releasedOn: day(values.releasedOn) ?? '',
    reach: /^\d+$/.test(reach) ? Number(reach) : Number.NaN,
    campaignId: values.campaignId || null,
  });
  if (!parsed.success)
    return invalid(
      issuesToMessages(parsed.error, {
        unitId: { field: 'md-unit', key: 'news.form.invalid.unit' },
        title: { field: 'md-title', key: 'news.form.invalid.title' },
        url: { field: 'md-url', key: 'news.form.invalid.url' },
        releasedOn: { field: 'md-released', key: 'news.form.invalid.released' },
        reach: { field: 'md-reach', key: 'news.form.invalid.reach' },
      }),
      values,
    );
  try {
    await onceForm(deps, actor, 'news.media.create', form, (d) => createMediaProduct(d, actor, parsed.data));
    return back('media');
  } catch (e) {
    return failure(e, values, 'md-title');
  }
}

function Field(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  errors: Parameters<typeof FieldError>[0]['errors'];
  type?: string;
  hint?: string;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={props.id} errors={props.errors} />
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={props.value}
        {...fieldAria(props.id, props.errors, hintId)}
      />
    </div>
  );
}

export default function Campaigns({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData;
  const posted = (actionData?.values ?? {}) as Record<string, string>;
  const errors = actionData?.errors;
  const cv = posted.intent === 'campaign' ? posted : {};
  const mv = posted.intent === 'media' ? posted : {};
  const ce = posted.intent === 'campaign' ? errors : undefined;
  const me = posted.intent === 'media' ? errors : undefined;
  return (
    <>
      <title>{`${t('news.campaigns.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/news')}>{t('news.admin.title')}</a>
      </p>
      <h1>{t('news.campaigns.title')}</h1>
      {d.done ? (
        <p className="alert-ok" role="status">
          {t(d.done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <h2>{t('news.campaigns.list')}</h2>
      {d.campaigns.length === 0 ? <p>{t('news.campaigns.none')}</p> : null}
      <ul>
        {d.campaigns.map((c) => (
          <li key={c.id}>
            <a href={href(`/news/campaigns/${c.id}`)}>{c.title}</a> <span className="muted">{c.period}</span>
          </li>
        ))}
      </ul>
      <h2>{t('news.media.list')}</h2>
      <div className="table-wrap">
        <table>
          <caption>{t('news.media.caption', { count: d.media.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('news.field.title')}</th>
              <th scope="col">{t('news.media.kind')}</th>
              <th scope="col">{t('news.media.released')}</th>
              <th scope="col">{t('news.media.reach')}</th>
            </tr>
          </thead>
          <tbody>
            {d.media.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.url ? <a href={m.url}>{m.title}</a> : m.title}</th>
                <td>{t(`news.mediaKind.${m.kind}`)}</td>
                <td>{m.released}</td>
                <td className="num">{m.reach}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.campaignUnits.length > 0 ? (
        <form method="post" className="form" noValidate>
          <h2>{t('news.campaigns.new')}</h2>
          <input type="hidden" name="intent" value="campaign" />
          <FormToken />
          <SelectField
            id="cp-unit"
            label={t('news.field.unit')}
            errors={ce}
            name="unitId"
            defaultValue={cv.unitId ?? ''}
          >
            <option value="">{t('units.field.choose')}</option>
            {d.campaignUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <Field
            id="cp-title"
            name="title"
            label={t('news.field.title')}
            value={cv.title ?? ''}
            errors={ce}
          />
          <Field
            id="cp-summary"
            name="summary"
            label={t('news.field.summary')}
            value={cv.summary ?? ''}
            errors={ce}
          />
          <Field
            id="cp-starts"
            name="startsOn"
            type="date"
            label={t('news.campaigns.starts')}
            value={cv.startsOn ?? ''}
            errors={ce}
          />
          <Field
            id="cp-ends"
            name="endsOn"
            type="date"
            label={t('news.campaigns.ends')}
            value={cv.endsOn ?? ''}
            errors={ce}
          />
          <TextArea
            id="cp-materials"
            label={t('news.campaigns.materials')}
            errors={ce}
            hint={t('news.campaigns.materialsHint')}
            name="materials"
            rows={4}
            defaultValue={cv.materials ?? ''}
          />
          <button type="submit">{t('news.campaigns.create')}</button>
        </form>
      ) : null}
      {d.mediaUnits.length > 0 ? (
        <form method="post" className="form" noValidate>
          <h2>{t('news.media.new')}</h2>
          <input type="hidden" name="intent" value="media" />
          <FormToken />
          <SelectField
            id="md-unit"
            label={t('news.field.unit')}
            errors={me}
            name="unitId"
            defaultValue={mv.unitId ?? ''}
          >
            <option value="">{t('units.field.choose')}</option>
            {d.mediaUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="md-kind"
            label={t('news.media.kind')}
            name="kind"
            defaultValue={mv.kind ?? 'report'}
          >
            {MEDIA_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`news.mediaKind.${k}`)}
              </option>
            ))}
          </SelectField>
          <Field
            id="md-title"
            name="title"
            label={t('news.field.title')}
            value={mv.title ?? ''}
            errors={me}
          />
          <Field
            id="md-outlet"
            name="outlet"
            label={t('news.media.outlet')}
            value={mv.outlet ?? ''}
            errors={me}
          />
          <Field
            id="md-url"
            name="url"
            type="url"
            label={t('news.media.url')}
            value={mv.url ?? ''}
            errors={me}
          />
          <Field
            id="md-released"
            name="releasedOn"
            type="date"
            label={t('news.media.released')}
            value={mv.releasedOn ?? ''}
            errors={me}
          />
          <Field
            id="md-reach"
            name="reach"
            label={t('news.media.reach')}
            value={mv.reach ?? '0'}
            errors={me}
            hint={t('news.media.reachHint')}
          />
          <SelectField
            id="md-campaign"
            label={t('news.field.campaign')}
            name="campaignId"
            defaultValue={mv.campaignId ?? ''}
          >
            <option value="">{t('news.field.noCampaign')}</option>
            {d.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </SelectField>
          <button type="submit">{t('news.media.create')}</button>
        </form>
      ) : null}
    </>
  );
}
