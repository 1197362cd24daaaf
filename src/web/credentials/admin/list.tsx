// Back office: the achievements of the actor's units and the form to define a new one (name vi/en, criteria,
// badge image description and colour, an optional automatic award rule, validity).
import { redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { achievementUnits, rulePathOptions } from '../../../modules/credentials/credentials.pages.server.ts';
import { AchievementInputSchema } from '../../../modules/credentials/credentials.schemas.server.ts';
import {
  createAchievement,
  listAchievements,
} from '../../../modules/credentials/credentials.usecases.server.ts';
import { CHOOSABLE_RULE_KINDS } from '../../../modules/credentials/credentials.vocab.ts';
import type { EventCategory } from '../../../modules/events/events.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { RuleFields } from '../RuleFields.tsx';
import { readRuleForm } from '../rule-form.server.ts';
import type { Route } from './+types/list.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [achievements, units, paths] = await Promise.all([
      listAchievements(deps, actor, null),
      achievementUnits(deps, actor),
      rulePathOptions(deps, actor),
    ]);
    const unitName = new Map((await deps.repos.units.all(deps.db)).map((u) => [u.id, u.name]));
    return {
      achievements: achievements.map((a) => ({
        id: a.id,
        nameVi: a.nameVi,
        unitName: unitName.get(a.unitId) ?? '',
        rule: a.awardRule,
      })),
      units,
      paths,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

const FIELDS = [
  'unitId',
  'nameVi',
  'nameEn',
  'criteriaVi',
  'criteriaEn',
  'imageAlt',
  'imageColor',
  'validityMonths',
] as const;

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const read = readRuleForm(form, FIELDS, 'ach-');
  const values = {
    ...(Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)])) as Record<
      (typeof FIELDS)[number],
      string
    >),
    ...read.values,
  };
  const parsed = AchievementInputSchema.safeParse({
    unitId: values.unitId,
    nameVi: values.nameVi,
    nameEn: values.nameEn,
    criteriaVi: values.criteriaVi,
    criteriaEn: values.criteriaEn,
    imageAlt: values.imageAlt,
    imageColor: values.imageColor || undefined,
    awardRule: read.ok ? read.rule : null,
    validityMonths: values.validityMonths ? Number(values.validityMonths) : null,
  });
  if (!parsed.success || !read.ok) {
    return invalid(
      [
        ...(parsed.success
          ? []
          : parsed.error.issues.map((i) => ({
              field: `ach-${String(i.path[0])}`,
              key: 'error.validation' as const,
            }))),
        ...(read.ok ? [] : read.errors),
      ],
      values,
    );
  }
  try {
    const { id } = await onceForm(deps, actor, 'credentials.achievement.create', form, async (d) => ({
      id: await createAchievement(d, actor, parsed.data),
    }));
    return redirect(`${localePath(locale, `/admin/credentials/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(
      e,
      values,
      isAppError(e) && e.code === 'credentials.path_not_found' ? 'ach-rulePath' : undefined,
    );
  }
}

export default function AchievementsList({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const v: Partial<Record<string, string>> = actionData?.values ?? {};
  const catLabel = (c: string) => t(`eventFeeds.category.${c as EventCategory}` as MessageKey);
  return (
    <>
      <title>{`${t('credentials.admin.title')} — Suốt Đời`}</title>
      <h1>{t('credentials.admin.title')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      {loaderData.achievements.length === 0 ? <p>{t('credentials.admin.empty')}</p> : null}
      <ul>
        {loaderData.achievements.map((a) => (
          <li key={a.id}>
            <a href={href(`/admin/credentials/${a.id}`)}>{a.nameVi}</a> — {a.unitName}
            {a.rule?.kind === 'events_attended'
              ? ` — ${t('credentials.admin.rule.summary', { count: a.rule.count, category: catLabel(a.rule.category) })}`
              : a.rule
                ? ` — ${t(`credentials.admin.rule.${a.rule.kind}` as MessageKey)}`
                : ''}
          </li>
        ))}
      </ul>
      {loaderData.units.length ? (
        <section aria-labelledby="ach-new-h">
          <h2 id="ach-new-h">{t('credentials.admin.new')}</h2>
          <form method="post" className="form">
            <FormToken />
            <SelectField
              id="ach-unitId"
              label={t('credentials.field.unit')}
              name="unitId"
              required
              defaultValue={v.unitId ?? ''}
            >
              {loaderData.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <TextField
              id="ach-nameVi"
              label={t('credentials.field.nameVi')}
              name="nameVi"
              required
              minLength={2}
              maxLength={200}
              defaultValue={v.nameVi}
            />
            <TextField
              id="ach-nameEn"
              label={t('credentials.field.nameEn')}
              name="nameEn"
              lang="en"
              maxLength={200}
              defaultValue={v.nameEn}
            />
            <TextArea
              id="ach-criteriaVi"
              label={t('credentials.field.criteriaVi')}
              name="criteriaVi"
              required
              minLength={2}
              maxLength={4000}
              rows={3}
              defaultValue={v.criteriaVi}
            />
            <TextArea
              id="ach-criteriaEn"
              label={t('credentials.field.criteriaEn')}
              name="criteriaEn"
              lang="en"
              maxLength={4000}
              rows={3}
              defaultValue={v.criteriaEn}
            />
            <TextField
              id="ach-imageAlt"
              label={t('credentials.field.imageAlt')}
              name="imageAlt"
              required
              minLength={2}
              maxLength={300}
              defaultValue={v.imageAlt}
            />
            <TextField
              id="ach-imageColor"
              label={t('credentials.field.imageColor')}
              name="imageColor"
              type="color"
              defaultValue={v.imageColor || '#0b5394'}
            />
            <RuleFields
              prefix="ach-"
              values={v}
              errors={actionData?.errors}
              paths={loaderData.paths}
              kinds={CHOOSABLE_RULE_KINDS}
            />
            <TextField
              id="ach-validityMonths"
              label={t('credentials.field.validityMonths')}
              name="validityMonths"
              type="number"
              min={1}
              max={600}
              inputMode="numeric"
              defaultValue={v.validityMonths}
            />
            <button type="submit">{t('credentials.admin.create')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
