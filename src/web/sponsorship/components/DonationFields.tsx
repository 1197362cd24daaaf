// The fields of the donation form (new and edit): sponsor, agreement, receiving unit, kind, description,
// value, day, purpose, plan task instances, event and, for books, the list of titles (one per line). A
// catalogued book donation shows its list read-only: the records made from it cannot be re-made.
import type { sponsorshipFormOptions } from '../../../modules/sponsorship/sponsorship.options.server.ts';
import { DONATION_KINDS } from '../../../modules/sponsorship/sponsorship.vocab.ts';
import { useT } from '../../i18n.ts';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { PlanInstancesField } from '../../ui/PlanInstancesField.tsx';

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
    <SelectField id={id} label={label} errors={errors} name={name} defaultValue={v[name] ?? ''}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {items.map((i) => (
        <option key={i.id} value={i.id}>
          {i.label}
        </option>
      ))}
    </SelectField>
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
      <TextArea
        id="dn-description"
        label={t('sponsorship.field.description')}
        errors={errors}
        name="description"
        rows={3}
        defaultValue={v.description ?? ''}
      />
      <TextField
        id="dn-value"
        label={t('sponsorship.field.valueVnd')}
        errors={errors}
        hint={t('sponsorship.field.valueHint')}
        name="valueVnd"
        inputMode="numeric"
        defaultValue={v.valueVnd ?? ''}
      />
      <TextField
        id="dn-received"
        label={t('sponsorship.field.receivedOn')}
        errors={errors}
        name="receivedOn"
        type="date"
        defaultValue={v.receivedOn ?? ''}
      />
      <TextField
        id="dn-purpose"
        label={t('sponsorship.field.purpose')}
        name="purpose"
        defaultValue={v.purpose ?? ''}
      />
      <PlanInstancesField id="dn-plan" instances={o.planInstances} value={v.planInstanceIds} />
      {select(
        'dn-event',
        'eventId',
        t('sponsorship.field.event'),
        o.events.map((e) => ({ id: e.id, label: e.title })),
        t('sponsorship.field.none'),
      )}
      <TextArea
        id="dn-books"
        label={t('sponsorship.field.books')}
        errors={errors}
        hint={t(booksLocked ? 'sponsorship.field.booksLocked' : 'sponsorship.field.booksHint')}
        name="books"
        rows={6}
        readOnly={booksLocked}
        defaultValue={v.books ?? ''}
      />
    </>
  );
}
