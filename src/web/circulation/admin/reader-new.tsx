// Back office: register a walk-in reader at the desk (consent; a guardian for a minor); shows the new card.
import { z } from 'zod';
import { isAppError } from '../../../lib/errors.ts';
import {
  cardSvgs,
  registerReader,
} from '../../../modules/circulation/circulation.readers.usecases.server.ts';
import { READER_CATEGORIES } from '../../../modules/circulation/circulation.vocab.ts';
import { unitOptions } from '../../../modules/places/places.admin.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { type FormMessage, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { LibraryCard } from '../components/LibraryCard.tsx';
import type { Route } from './+types/reader-new.ts';

const Schema = z
  .object({
    unitId: z.string().min(1).max(40),
    name: z.string().trim().min(1).max(200),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^[+\d\s.]*$/)
      .transform((s) => s || null),
    email: z
      .string()
      .trim()
      .max(200)
      .transform((s) => s || null)
      .pipe(z.string().email().nullable()),
    birthYear: z
      .string()
      .trim()
      .regex(/^(\d{4})?$/)
      .transform((s) => (s ? Number(s) : null)),
    category: z.enum(READER_CATEGORIES),
    guardianName: z
      .string()
      .trim()
      .max(200)
      .transform((s) => s || null),
    consent: z.literal('yes', { message: 'consent' }),
  })
  .strict();

const FIELDS: Record<string, string> = {
  name: 'rd-name',
  phone: 'rd-phone',
  email: 'rd-email',
  birthYear: 'rd-birth',
  consent: 'rd-consent',
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const units = await unitOptions(deps, actor, 'circulation.desk');
    return { units, unitId: new URL(request.url).searchParams.get('unit') ?? units[0]?.id ?? '' };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const names = [
    'unitId',
    'name',
    'phone',
    'email',
    'birthYear',
    'category',
    'guardianName',
    'consent',
  ] as const;
  const values = Object.fromEntries(names.map((n) => [n, formText(form, n)])) as Record<
    (typeof names)[number],
    string
  >;
  const parsed = Schema.safeParse(values);
  if (!parsed.success) {
    const errors: FormMessage[] = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].map(
      (p) => ({
        key: p === 'consent' ? 'circulation.error.consentRequired' : 'circulation.error.invalid',
        ...(FIELDS[p] ? { field: FIELDS[p] } : {}),
      }),
    );
    return { ok: false as const, errors, values, card: null };
  }
  try {
    const reader = await onceForm(deps, actor, 'circulation.reader.create', form, (d) =>
      registerReader(d, actor, { ...parsed.data, consent: true, learnerId: null }),
    );
    return {
      ok: true as const,
      errors: [],
      values,
      card: { name: reader.name, cardNumber: reader.cardNumber, ...(await cardSvgs(reader.cardNumber)) },
    };
  } catch (e) {
    if (!isAppError(e) || e.status === 401 || e.status === 403) throw e;
    return {
      ok: false as const,
      errors: [{ key: e.messageKey, ...(e.params ? { params: e.params } : {}), field: 'rd-guardian' }],
      values,
      card: null,
    };
  }
}

export default function ReaderNewPage({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const t = useT();
  const v = a && !a.ok ? a.values : null;
  return (
    <>
      <title>{`${t('circulation.reader.title')} — Suốt Đời`}</title>
      <h1>{t('circulation.reader.title')}</h1>
      {a?.card ? (
        <div role="status" className="alert-ok">
          <p>{t('circulation.reader.created', { card: a.card.cardNumber, name: a.card.name })}</p>
          <LibraryCard {...a.card} />
        </div>
      ) : null}
      <ErrorSummary errors={a?.errors} />
      <form method="post" className="form">
        <FormToken />
        <SelectField
          id="rd-unit"
          label={t('circulation.desk.unit')}
          name="unitId"
          defaultValue={v?.unitId ?? d.unitId}
        >
          {d.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="rd-name"
          label={t('circulation.reader.name')}
          name="name"
          required
          maxLength={200}
          autoComplete="off"
          defaultValue={v?.name ?? ''}
        />
        <TextField
          id="rd-phone"
          label={t('circulation.reader.phone')}
          name="phone"
          type="tel"
          maxLength={20}
          autoComplete="off"
          defaultValue={v?.phone ?? ''}
        />
        <TextField
          id="rd-email"
          label={t('circulation.reader.email')}
          name="email"
          type="email"
          maxLength={200}
          autoComplete="off"
          defaultValue={v?.email ?? ''}
        />
        <TextField
          id="rd-birth"
          label={t('circulation.reader.birthYear')}
          name="birthYear"
          inputMode="numeric"
          maxLength={4}
          defaultValue={v?.birthYear ?? ''}
        />
        <SelectField
          id="rd-category"
          label={t('circulation.reader.category')}
          name="category"
          defaultValue={v?.category ?? 'adult'}
        >
          {READER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`circulation.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="rd-guardian"
          label={t('circulation.reader.guardian')}
          name="guardianName"
          maxLength={200}
          autoComplete="off"
          defaultValue={v?.guardianName ?? ''}
        />
        <div className="field checkbox">
          <input
            id="rd-consent"
            name="consent"
            type="checkbox"
            value="yes"
            required
            defaultChecked={v?.consent === 'yes'}
          />
          <label htmlFor="rd-consent">{t('circulation.reader.consent')}</label>
        </div>
        <button type="submit">{t('circulation.reader.submit')}</button>
      </form>
    </>
  );
}
