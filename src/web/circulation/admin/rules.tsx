// Back office: a unit's loan rules (managers). The default rule and one per kind of item, each shown as a sentence
// and edited in its own form (works without JavaScript). A save names the version it was loaded with: a rule
// changed meanwhile by another manager is not overwritten (409, the page shows the rule as it is now).

import { isAppError } from '../../../lib/errors.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { saveRule } from '../../../modules/circulation/circulation.readers.usecases.server.ts';
import { LoanRuleFormSchema } from '../../../modules/circulation/circulation.rules.schemas.server.ts';
import type { LoanRule } from '../../../modules/circulation/circulation.rules.ts';
import { unitRules } from '../../../modules/circulation/circulation.views.server.ts';
import { unitOptions } from '../../../modules/places/places.admin.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { type FormMessage, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/rules.ts';

const NUMBERS = [
  'loanDays',
  'maxItems',
  'maxRenewals',
  'holdShelfDays',
  'remindDaysBefore',
  'blockWhenOverdueDays',
  'finePerDayVnd',
] as const;
type NumberField = (typeof NUMBERS)[number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const units = await unitOptions(deps, actor, 'circulation.rules.update');
    const asked = new URL(request.url).searchParams.get('unit');
    const unitId = units.find((u) => u.id === asked)?.id ?? units[0]?.id ?? '';
    return { units, unitId, rules: unitId ? await unitRules(deps, actor, unitId) : [] };
  } catch (e) {
    rethrowForPage(e);
  }
}

const fieldId = (kind: string, name: string) => `rule-${kind === '*' ? 'default' : kind}-${name}`;

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const values: Record<string, string> = { itemKind: formText(form, 'itemKind').slice(0, 40) };
  for (const n of [...NUMBERS, 'version']) values[n] = formText(form, n).trim().slice(0, 20);
  values.holdsAllowed = form.get('holdsAllowed') === 'on' ? 'on' : '';
  values.finesEnabled = form.get('finesEnabled') === 'on' ? 'on' : '';
  const unitId = formText(form, 'unit').slice(0, 80);
  const parsed = LoanRuleFormSchema.safeParse({
    ...Object.fromEntries(NUMBERS.map((n) => [n, values[n]])),
    blockWhenOverdueDays: values.blockWhenOverdueDays === '' ? null : values.blockWhenOverdueDays,
    version: values.version === '' ? null : values.version,
    itemKind: values.itemKind,
    holdsAllowed: values.holdsAllowed === 'on',
    finesEnabled: values.finesEnabled === 'on',
  });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
    const errors: FormMessage[] = fields.map((f) =>
      (NUMBERS as readonly string[]).includes(f)
        ? { key: `circulation.rules.invalid.${f}` as MessageKey, field: fieldId(values.itemKind ?? '', f) }
        : { key: 'circulation.error.invalid' },
    );
    return { ok: false as const, errors, values };
  }
  const { version, ...fields } = parsed.data;
  const rule: LoanRule = { ...fields, unitId };
  try {
    await saveRule(deps, actor, rule, version);
    return { ok: true as const, errors: [] as FormMessage[], values };
  } catch (e) {
    if (!isAppError(e) || e.status === 401) throw e;
    if (e.status === 403) rethrowForPage(e);
    return { ok: false as const, errors: [{ key: e.messageKey } as FormMessage], values };
  }
}

type View = Route.ComponentProps['loaderData']['rules'][number];

function RuleSentence({ r }: { r: LoanRule }) {
  const t = useT();
  return (
    <ul>
      <li>{t('circulation.rules.says.loan', { days: r.loanDays, items: r.maxItems })}</li>
      <li>{t('circulation.rules.says.renewals', { count: r.maxRenewals })}</li>
      <li>
        {r.holdsAllowed
          ? t('circulation.rules.says.holds', { days: r.holdShelfDays })
          : t('circulation.rules.says.noHolds')}
      </li>
      <li>{t('circulation.rules.says.remind', { days: r.remindDaysBefore })}</li>
      <li>
        {r.blockWhenOverdueDays === null
          ? t('circulation.rules.says.neverBlock')
          : t('circulation.rules.says.block', { days: r.blockWhenOverdueDays })}
      </li>
      <li>
        {r.finesEnabled
          ? t('circulation.rules.says.fines', { amount: r.finePerDayVnd.toLocaleString('vi-VN') })
          : t('circulation.rules.says.noFines')}
      </li>
    </ul>
  );
}

function RuleForm({ v, unitId, posted }: { v: View; unitId: string; posted: Record<string, string> | null }) {
  const t = useT();
  const r = v.effective;
  const value = (n: NumberField) =>
    posted ? (posted[n] ?? '') : n === 'blockWhenOverdueDays' && r[n] === null ? '' : String(r[n]);
  const checked = (n: 'holdsAllowed' | 'finesEnabled') => (posted ? posted[n] === 'on' : r[n]);
  return (
    <form method="post" className="form">
      <input type="hidden" name="unit" value={unitId} />
      <input type="hidden" name="itemKind" value={v.itemKind} />
      <input type="hidden" name="version" value={v.own ? String(v.own.version) : ''} />
      {NUMBERS.map((n) => (
        <div className="field" key={n}>
          <label htmlFor={fieldId(v.itemKind, n)}>{t(`circulation.rules.field.${n}`)}</label>
          <input
            id={fieldId(v.itemKind, n)}
            name={n}
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={9}
            defaultValue={value(n)}
            {...(n === 'blockWhenOverdueDays'
              ? { 'aria-describedby': `${fieldId(v.itemKind, n)}-hint` }
              : { required: true })}
          />
          {n === 'blockWhenOverdueDays' ? (
            <p className="hint" id={`${fieldId(v.itemKind, n)}-hint`}>
              {t('circulation.rules.field.blockHint')}
            </p>
          ) : null}
        </div>
      ))}
      {(['holdsAllowed', 'finesEnabled'] as const).map((n) => (
        <div className="field checkbox" key={n}>
          <input type="checkbox" id={fieldId(v.itemKind, n)} name={n} defaultChecked={checked(n)} />
          <label htmlFor={fieldId(v.itemKind, n)}>{t(`circulation.rules.field.${n}`)}</label>
        </div>
      ))}
      <button type="submit">{t('circulation.rules.save')}</button>
    </form>
  );
}

export default function RulesPage({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('circulation.rules.title')} — Suốt Đời`}</title>
      <h1>{t('circulation.rules.title')}</h1>
      <p>{t('circulation.rules.intro')}</p>
      {a?.ok ? (
        <p className="alert-ok" role="status">
          {t('circulation.rules.saved')}
        </p>
      ) : null}
      <ErrorSummary errors={a?.errors} autoFocus />
      <form method="get" className="filters">
        <SelectField id="rules-unit" label={t('circulation.desk.unit')} name="unit" defaultValue={d.unitId}>
          {d.units.map((u) => (
            <option key={u.id} value={u.id}>
              {`${'— '.repeat(u.depth)}${u.name}`}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('circulation.desk.choose')}</button>
      </form>
      {d.units.length === 0 ? <p>{t('circulation.rules.noUnit')}</p> : null}
      {d.rules.map((v) => {
        const mine = a && !a.ok && a.values.itemKind === v.itemKind;
        const heading =
          v.itemKind === '*'
            ? t('circulation.rules.default')
            : t(`circulation.kind.${v.itemKind}` as MessageKey);
        return (
          <section key={v.itemKind} aria-labelledby={`${fieldId(v.itemKind, 'h')}`}>
            <h2 id={fieldId(v.itemKind, 'h')}>{heading}</h2>
            <p className="muted">
              {v.own
                ? t('circulation.rules.own')
                : v.itemKind === '*'
                  ? t('circulation.rules.platformDefault')
                  : t('circulation.rules.inherits')}
            </p>
            <RuleSentence r={v.effective} />
            <details open={Boolean(mine)}>
              <summary>{t('circulation.rules.edit', { what: heading })}</summary>
              <RuleForm v={v} unitId={d.unitId} posted={mine ? (a?.values ?? null) : null} />
            </details>
          </section>
        );
      })}
    </>
  );
}
