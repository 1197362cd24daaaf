// The fields of the donation form (new and edit): sponsor, agreement, receiving unit, kind, description,
// value, day, purpose, plan task instances, event and, for books, the list of titles (one per line). A
// catalogued book donation shows its list read-only: the records made from it cannot be re-made.
import type { sponsorshipFormOptions } from '../../../modules/sponsorship/sponsorship.options.server.ts';
import { DONATION_KINDS } from '../../../modules/sponsorship/sponsorship.vocab.ts';
import { useT } from '../../i18n.ts';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';

type Options = Awaited<ReturnType<typeof sponsorshipFormOptions>>;

export function DonationFields({
  o,
  v,
  errors,
  booksLocked = false,
}: {
  o: Options;
  v: Record<string, string>;
  errors: FormMessage[] | undefined;
  booksLocked?: boolean;
}) {
  const t = useT();
  const select = (
    id: string,
    name: string,
    label: string,
    items: ReadonlyArray<{ id: string; label: string }>,
    empty?: string,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} errors={errors} />
      <select id={id} name={name} defaultValue={v[name] ?? ''} {...fieldAria(id, errors)}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      {select(
        'dn-sponsor',
        'sponsorId',
        t('sponsorship.field.sponsor'),
        o.sponsors.map((s) => ({ id: s.id, label: s.name })),
        t('units.field.choose'),
      )}
      {select(
        'dn-agreement',
        'agreementId',
        t('sponsorship.field.agreement'),
        o.agreements.map((a) => ({ id: a.id, label: a.title })),
        t('sponsorship.field.none'),
      )}
      {select(
        'dn-unit',
        'unitId',
        t('sponsorship.field.unit'),
        o.units.map((u) => ({ id: u.id, label: u.name })),
      )}
      {select(
        'dn-kind',
        'kind',
        t('sponsorship.field.donationKind'),
        DONATION_KINDS.map((k) => ({ id: k, label: t(`sponsorship.kind.${k}`) })),
      )}
      <div className="field">
        <label htmlFor="dn-description">{t('sponsorship.field.description')}</label>
        <FieldError id="dn-description" errors={errors} />
        <textarea
          id="dn-description"
          name="description"
          rows={3}
          defaultValue={v.description ?? ''}
          {...fieldAria('dn-description', errors)}
        />
      </div>
      <div className="field">
        <label htmlFor="dn-value">{t('sponsorship.field.valueVnd')}</label>
        <p className="hint" id="dn-value-hint">
          {t('sponsorship.field.valueHint')}
        </p>
        <FieldError id="dn-value" errors={errors} />
        <input
          id="dn-value"
          name="valueVnd"
          inputMode="numeric"
          defaultValue={v.valueVnd ?? ''}
          {...fieldAria('dn-value', errors, 'dn-value-hint')}
        />
      </div>
      <div className="field">
        <label htmlFor="dn-received">{t('sponsorship.field.receivedOn')}</label>
        <FieldError id="dn-received" errors={errors} />
        <input
          id="dn-received"
          name="receivedOn"
          type="date"
          defaultValue={v.receivedOn ?? ''}
          {...fieldAria('dn-received', errors)}
        />
      </div>
      <div className="field">
        <label htmlFor="dn-purpose">{t('sponsorship.field.purpose')}</label>
        <input id="dn-purpose" name="purpose" defaultValue={v.purpose ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="dn-plan">{t('news.field.planInstances')}</label>
        <p className="hint" id="dn-plan-hint">
          {t('news.field.manyHint')}
        </p>
        <select
          id="dn-plan"
          name="planInstanceIds"
          multiple
          size={Math.min(6, Math.max(2, o.planInstances.length))}
          defaultValue={(v.planInstanceIds ?? '').split(',').filter(Boolean)}
          aria-describedby="dn-plan-hint"
        >
          {o.planInstances.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.year} · ${p.label}`}
            </option>
          ))}
        </select>
      </div>
      {select(
        'dn-event',
        'eventId',
        t('sponsorship.field.event'),
        o.events.map((e) => ({ id: e.id, label: e.title })),
        t('sponsorship.field.none'),
      )}
      <div className="field">
        <label htmlFor="dn-books">{t('sponsorship.field.books')}</label>
        <p className="hint" id="dn-books-hint">
          {t(booksLocked ? 'sponsorship.field.booksLocked' : 'sponsorship.field.booksHint')}
        </p>
        <FieldError id="dn-books" errors={errors} />
        <textarea
          id="dn-books"
          name="books"
          rows={6}
          readOnly={booksLocked}
          defaultValue={v.books ?? ''}
          {...fieldAria('dn-books', errors, 'dn-books-hint')}
        />
      </div>
    </>
  );
}
