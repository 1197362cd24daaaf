// The staff article form (create and edit): unit, title, summary, body (HTML: the allowed tags are kept, the
// rest removed on save), category, tags, campaign, linked events and plan task instances. No JavaScript.
import { NEWS_CATEGORIES } from '../../../modules/news/news.vocab.ts';
import { useT } from '../../i18n.ts';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';
import type { ArticleFormValues } from '../forms.server.ts';

export interface ArticleFormOptions {
  units: Array<{ id: string; name: string }>;
  events: Array<{ id: string; title: string }>;
  planInstances: Array<{ id: string; year: number; label: string }>;
  campaigns: Array<{ id: string; title: string }>;
}

type Errors = readonly FormMessage[] | undefined;

function Choice(props: {
  id: string;
  name: 'unitId' | 'category' | 'campaignId';
  label: string;
  value: string;
  errors: Errors;
  options: Array<{ value: string; label: string }>;
  empty?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <FieldError id={props.id} errors={props.errors} />
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.value}
        {...fieldAria(props.id, props.errors)}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Many(props: {
  id: string;
  name: 'eventIds' | 'planInstanceIds';
  label: string;
  hint: string;
  value: string;
  errors: Errors;
  options: Array<{ value: string; label: string }>;
}) {
  const chosen = props.value.split(',').filter(Boolean);
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <p className="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <FieldError id={props.id} errors={props.errors} />
      <select
        id={props.id}
        name={props.name}
        multiple
        size={Math.min(6, Math.max(2, props.options.length))}
        defaultValue={chosen}
        {...fieldAria(props.id, props.errors, `${props.id}-hint`)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ArticleForm(props: {
  options: ArticleFormOptions;
  values: Partial<ArticleFormValues>;
  errors: Errors;
  submitLabel: string;
  version?: number;
}) {
  const t = useT();
  const { options: o, values: v, errors } = props;
  return (
    <form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="save" />
      {props.version === undefined ? (
        <FormToken />
      ) : (
        <input type="hidden" name="version" value={props.version} />
      )}
      <Choice
        id="ar-unit"
        name="unitId"
        label={t('news.field.unit')}
        value={v.unitId ?? ''}
        errors={errors}
        empty={t('units.field.choose')}
        options={o.units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <div className="field">
        <label htmlFor="ar-title">{t('news.field.title')}</label>
        <FieldError id="ar-title" errors={errors} />
        <input
          id="ar-title"
          name="title"
          maxLength={300}
          defaultValue={v.title ?? ''}
          {...fieldAria('ar-title', errors)}
        />
      </div>
      <div className="field">
        <label htmlFor="ar-summary">{t('news.field.summary')}</label>
        <FieldError id="ar-summary" errors={errors} />
        <textarea
          id="ar-summary"
          name="summary"
          rows={3}
          maxLength={1000}
          defaultValue={v.summary ?? ''}
          {...fieldAria('ar-summary', errors)}
        />
      </div>
      <div className="field">
        <label htmlFor="ar-body">{t('news.field.body')}</label>
        <p className="hint" id="ar-body-hint">
          {t('news.field.bodyHint')}
        </p>
        <FieldError id="ar-body" errors={errors} />
        <textarea
          id="ar-body"
          name="bodyHtml"
          rows={12}
          defaultValue={v.bodyHtml ?? ''}
          {...fieldAria('ar-body', errors, 'ar-body-hint')}
        />
      </div>
      <Choice
        id="ar-category"
        name="category"
        label={t('news.field.category')}
        value={v.category ?? 'news'}
        errors={errors}
        options={NEWS_CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
      />
      <div className="field">
        <label htmlFor="ar-tags">{t('news.field.tags')}</label>
        <p className="hint" id="ar-tags-hint">
          {t('news.field.tagsHint')}
        </p>
        <FieldError id="ar-tags" errors={errors} />
        <input
          id="ar-tags"
          name="tags"
          maxLength={600}
          defaultValue={v.tags ?? ''}
          {...fieldAria('ar-tags', errors, 'ar-tags-hint')}
        />
      </div>
      <Choice
        id="ar-campaign"
        name="campaignId"
        label={t('news.field.campaign')}
        value={v.campaignId ?? ''}
        errors={errors}
        empty={t('news.field.noCampaign')}
        options={o.campaigns.map((c) => ({ value: c.id, label: c.title }))}
      />
      <Many
        id="ar-events"
        name="eventIds"
        label={t('news.field.events')}
        hint={t('news.field.manyHint')}
        value={v.eventIds ?? ''}
        errors={errors}
        options={o.events.map((e) => ({ value: e.id, label: e.title }))}
      />
      <Many
        id="ar-plan"
        name="planInstanceIds"
        label={t('news.field.planInstances')}
        hint={t('news.field.manyHint')}
        value={v.planInstanceIds ?? ''}
        errors={errors}
        options={o.planInstances.map((p) => ({ value: p.id, label: `${p.year} · ${p.label}` }))}
      />
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}
