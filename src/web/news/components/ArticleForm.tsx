// The staff article form (create and edit): unit, title, summary, body (HTML: the allowed tags are kept, the
// rest removed on save), category, tags, campaign, linked events and plan task instances. No JavaScript.
import { NEWS_CATEGORIES } from '../../../modules/news/news.vocab.ts';
import { useT } from '../../i18n.ts';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
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
    <SelectField
      id={props.id}
      label={props.label}
      errors={props.errors}
      name={props.name}
      defaultValue={props.value}
    >
      {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
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
    <SelectField
      id={props.id}
      label={props.label}
      errors={props.errors}
      hint={props.hint}
      name={props.name}
      multiple
      size={Math.min(6, Math.max(2, props.options.length))}
      defaultValue={chosen}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
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
      <TextField
        id="ar-title"
        label={t('news.field.title')}
        errors={errors}
        name="title"
        maxLength={300}
        defaultValue={v.title ?? ''}
      />
      <TextArea
        id="ar-summary"
        label={t('news.field.summary')}
        errors={errors}
        name="summary"
        rows={3}
        maxLength={1000}
        defaultValue={v.summary ?? ''}
      />
      <TextArea
        id="ar-body"
        label={t('news.field.body')}
        errors={errors}
        hint={t('news.field.bodyHint')}
        name="bodyHtml"
        rows={12}
        defaultValue={v.bodyHtml ?? ''}
      />
      <Choice
        id="ar-category"
        name="category"
        label={t('news.field.category')}
        value={v.category ?? 'news'}
        errors={errors}
        options={NEWS_CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))}
      />
      <TextField
        id="ar-tags"
        label={t('news.field.tags')}
        errors={errors}
        hint={t('news.field.tagsHint')}
        name="tags"
        maxLength={600}
        defaultValue={v.tags ?? ''}
      />
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
