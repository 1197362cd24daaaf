// Back office: the achievements of the actor's units and the form to define a new one (name vi/en, criteria,
// badge image description and colour, an optional automatic award rule, validity).
import { redirect } from 'react-router';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { achievementUnits } from '../../../modules/credentials/credentials.pages.server.ts';
import { AchievementInputSchema } from '../../../modules/credentials/credentials.schemas.server.ts';
import {
  createAchievement,
  listAchievements,
} from '../../../modules/credentials/credentials.usecases.server.ts';
import { AWARD_RULE_KINDS } from '../../../modules/credentials/credentials.vocab.ts';
import { EVENT_CATEGORIES, type EventCategory } from '../../../modules/events/events.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/list.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [achievements, units] = await Promise.all([
      listAchievements(deps, actor, null),
      achievementUnits(deps, actor),
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
  'ruleKind',
  'ruleCategory',
  'ruleCount',
  'validityMonths',
] as const;

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const rule =
    values.ruleKind === 'events_attended'
      ? { kind: 'events_attended', category: values.ruleCategory, count: Number(values.ruleCount) }
      : null;
  const parsed = AchievementInputSchema.safeParse({
    unitId: values.unitId,
    nameVi: values.nameVi,
    nameEn: values.nameEn,
    criteriaVi: values.criteriaVi,
    criteriaEn: values.criteriaEn,
    imageAlt: values.imageAlt,
    imageColor: values.imageColor || undefined,
    awardRule: rule,
    validityMonths: values.validityMonths ? Number(values.validityMonths) : null,
  });
  if (!parsed.success) {
    const fieldOf = (p: PropertyKey | undefined) =>
      p === 'awardRule' ? (values.ruleKind === 'events_attended' ? 'ruleCount' : 'ruleKind') : String(p);
    return invalid(
      parsed.error.issues.map((i) => ({
        field: `ach-${fieldOf(i.path[0])}`,
        key: 'error.validation' as const,
      })),
      values,
    );
  }
  try {
    const { id } = await onceForm(deps, actor, 'credentials.achievement.create', form, async (d) => ({
      id: await createAchievement(d, actor, parsed.data),
    }));
    return redirect(`${localePath(locale, `/admin/credentials/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values);
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
            <SelectField
              id="ach-ruleKind"
              label={t('credentials.field.ruleKind')}
              name="ruleKind"
              defaultValue={v.ruleKind ?? ''}
            >
              <option value="">{t('credentials.admin.rule.none')}</option>
              {AWARD_RULE_KINDS.filter((k) => k === 'events_attended').map((k) => (
                <option key={k} value={k}>
                  {t(`credentials.admin.rule.${k}` as MessageKey)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="ach-ruleCategory"
              label={t('credentials.field.ruleCategory')}
              name="ruleCategory"
              defaultValue={v.ruleCategory || 'reading'}
            >
              {EVENT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {catLabel(c)}
                </option>
              ))}
            </SelectField>
            <TextField
              id="ach-ruleCount"
              label={t('credentials.field.ruleCount')}
              name="ruleCount"
              type="number"
              min={1}
              max={365}
              inputMode="numeric"
              defaultValue={v.ruleCount || '3'}
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
