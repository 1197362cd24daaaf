// Back office: file an official document and choose the units it targets (their staff get a notice).
import { redirect } from 'react-router';
import { scopeRoots } from '../../../app/policies.server.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  fileGuidance,
  GuidanceInputSchema,
  guidanceFormOptions,
} from '../../../modules/guidance/guidance.usecases.server.ts';
import { GUIDANCE_TYPES } from '../../../modules/guidance/guidance.vocab.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formDay, formValues } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { PlanInstancesField } from '../../ui/PlanInstancesField.tsx';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/new.ts';

const FIELDS = [
  'unitId',
  'docType',
  'issuer',
  'numberSymbol',
  'issuedOn',
  'title',
  'summary',
  'url',
] as const;

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'guidance.document.create').length === 0) throw new Response(null, { status: 403 });
  return { options: await guidanceFormOptions(deps, actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const v = formValues(form, FIELDS);
  const targets = form.getAll('targetUnitIds').map(String);
  const plans = form.getAll('planInstanceIds').map(String);
  const values = { ...v, targetUnitIds: targets.join(','), planInstanceIds: plans.join(',') };
  const parsed = GuidanceInputSchema.safeParse({
    ...v,
    issuedOn: formDay(v.issuedOn) ?? v.issuedOn,
    url: v.url.trim() || null,
    targetUnitIds: targets,
    planInstanceIds: plans,
  });
  if (!parsed.success)
    return invalid(
      issuesToMessages(parsed.error, {
        unitId: { field: 'gd-unit', key: 'news.form.invalid.unit' },
        issuer: { field: 'gd-issuer', key: 'guidance.invalid.issuer' },
        numberSymbol: { field: 'gd-number', key: 'guidance.invalid.number' },
        issuedOn: { field: 'gd-issued', key: 'guidance.invalid.issuedOn' },
        title: { field: 'gd-title', key: 'guidance.invalid.title' },
        url: { field: 'gd-url', key: 'news.form.invalid.url' },
      }),
      values,
    );
  try {
    const id = await onceForm(deps, actor, 'guidance.document.create', form, (d) =>
      fileGuidance(d, actor, parsed.data),
    );
    return redirect(`${localePath(locale, `/admin/guidance/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values, 'gd-number');
  }
}

export default function NewGuidance({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const o = loaderData.options;
  const v = (actionData?.values ?? {}) as Record<string, string>;
  const errors = actionData?.errors;
  const chosen = new Set((v.targetUnitIds ?? '').split(','));
  const text = (id: string, name: (typeof FIELDS)[number], label: string, type = 'text') => (
    <TextField id={id} label={label} errors={errors} name={name} type={type} defaultValue={v[name] ?? ''} />
  );
  return (
    <>
      <title>{`${t('guidance.new')} — Suốt Đời`}</title>
      <h1>{t('guidance.new')}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" className="form" noValidate>
        <FormToken />
        <SelectField
          id="gd-unit"
          label={t('guidance.field.unit')}
          errors={errors}
          name="unitId"
          defaultValue={v.unitId ?? ''}
        >
          <option value="">{t('units.field.choose')}</option>
          {o.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="gd-type"
          label={t('guidance.field.type')}
          name="docType"
          defaultValue={v.docType ?? 'huong_dan'}
        >
          {GUIDANCE_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(`guidance.type.${d}`)}
            </option>
          ))}
        </SelectField>
        {text('gd-issuer', 'issuer', t('guidance.field.issuer'))}
        {text('gd-number', 'numberSymbol', t('guidance.field.number'))}
        {text('gd-issued', 'issuedOn', t('guidance.field.issuedOn'), 'date')}
        {text('gd-title', 'title', t('guidance.field.title'))}
        <TextArea
          id="gd-summary"
          label={t('guidance.field.summary')}
          name="summary"
          rows={4}
          defaultValue={v.summary ?? ''}
        />
        {text('gd-url', 'url', t('guidance.field.url'), 'url')}
        <PlanInstancesField id="gd-plan" instances={o.planInstances} value={v.planInstanceIds} />
        <CheckboxGroup
          legend={t('guidance.field.targets')}
          name="targetUnitIds"
          idPrefix="gd-t-"
          options={o.targets.map((u) => ({ value: u.id, label: u.name }))}
          checked={chosen}
        />
        <button type="submit">{t('guidance.create')}</button>
      </form>
    </>
  );
}
