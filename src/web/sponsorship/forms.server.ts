// Form handling for the sponsorship pages: the posted sponsor and donation forms to the use cases' inputs,
// invalid fields to field-linked messages; donated books typed one per line "Title | Authors; … | ISBN | Year | Copies".
import { parseVnd } from '../../lib/money.ts';
import {
  DonationInputSchema,
  SponsorInputSchema,
  SponsorUpdateSchema,
} from '../../modules/sponsorship/sponsorship.usecases.server.ts';
import { type FieldMessages, issuesToMessages } from '../ui/actor.ts';
import { formDay, formValues } from '../ui/form-values.server.ts';
import { formText } from '../ui/forms.ts';
import { SPONSOR_FIELDS } from './components/SponsorFields.tsx';

const SPONSOR_MESSAGES: FieldMessages = {
  unitId: { field: 'sp-unit', key: 'news.form.invalid.unit' },
  name: { field: 'sp-name', key: 'sponsorship.invalid.name' },
  email: { field: 'sp-email', key: 'sponsorship.invalid.email' },
  phone: { field: 'sp-phone', key: 'sponsorship.invalid.phone' },
  consentOn: { field: 'sp-consent-on', key: 'sponsorship.error.consentDay' },
};

export function parseSponsorForm(form: FormData, withVersion: boolean) {
  const v = formValues(form, SPONSOR_FIELDS);
  const values = { ...v, publicConsent: formText(form, 'publicConsent') };
  const input = {
    ...v,
    email: v.email.trim() || null,
    phone: v.phone.replace(/[\s.]/g, '') || null,
    publicConsent: values.publicConsent === 'on',
    consentOn: formDay(v.consentOn) ?? null,
    ...(withVersion ? { version: Number(formText(form, 'version')) } : {}),
  };
  const parsed = withVersion ? SponsorUpdateSchema.safeParse(input) : SponsorInputSchema.safeParse(input);
  return parsed.success
    ? { ok: true as const, data: parsed.data, values }
    : { ok: false as const, errors: issuesToMessages(parsed.error, SPONSOR_MESSAGES), values };
}

export const DONATION_FIELDS = [
  'sponsorId',
  'agreementId',
  'unitId',
  'kind',
  'description',
  'valueVnd',
  'receivedOn',
  'purpose',
  'eventId',
  'books',
] as const;

/** "Title | Author; Author | ISBN | Year | Copies" per line; empty parts are allowed after the title. */
export function parseBookLines(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [title = '', authors = '', isbn = '', year = '', copies = ''] = l.split('|').map((p) => p.trim());
      return {
        title,
        creators: authors
          .split(';')
          .map((a) => a.trim())
          .filter(Boolean),
        isbn: isbn || null,
        year: year ? Number(year) : null,
        copies: copies ? Number(copies) : 1,
      };
    });
}

/** The book list as the form's lines (the inverse of parseBookLines). */
export const bookLines = (
  books: ReadonlyArray<{
    title: string;
    creators: string[];
    isbn: string | null;
    year: number | null;
    copies: number;
  }>,
) =>
  books
    .map((b) => [b.title, b.creators.join('; '), b.isbn ?? '', b.year ?? '', b.copies].join(' | '))
    .join('\n');

export function parseDonationForm(form: FormData) {
  const v = formValues(form, DONATION_FIELDS);
  const plans = form.getAll('planInstanceIds').map(String);
  const values = { ...v, planInstanceIds: plans.join(',') };
  const money = parseVnd(v.valueVnd);
  const parsed = DonationInputSchema.safeParse({
    ...v,
    agreementId: v.agreementId || null,
    eventId: v.eventId || null,
    valueVnd: money.ok ? money.value : -1,
    receivedOn: formDay(v.receivedOn) ?? v.receivedOn,
    planInstanceIds: plans,
    books: parseBookLines(v.books),
  });
  return parsed.success
    ? { ok: true as const, data: parsed.data, values }
    : {
        ok: false as const,
        values,
        errors: issuesToMessages(parsed.error, {
          sponsorId: { field: 'dn-sponsor', key: 'sponsorship.error.sponsor' },
          unitId: { field: 'dn-unit', key: 'news.form.invalid.unit' },
          description: { field: 'dn-description', key: 'sponsorship.invalid.description' },
          valueVnd: { field: 'dn-value', key: 'sponsorship.invalid.value' },
          receivedOn: { field: 'dn-received', key: 'sponsorship.invalid.date' },
          books: { field: 'dn-books', key: 'sponsorship.invalid.books' },
        }),
      };
}
