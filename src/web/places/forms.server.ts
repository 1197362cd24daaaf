// Form handling for the back-office places pages: posted fields → the API's input shapes (so the same Zod
// schemas validate both), and invalid paths → translated, field-linked messages.

import { parseCoordinate } from '../../lib/geo.ts';
import { isBlank } from '../../lib/text.server.ts';
import type { FieldMessages } from '../ui/actor.ts';
import { formDay } from '../ui/form-values.server.ts';
import { formText } from '../ui/forms.ts';

export const PLACE_FIELDS = [
  'unitId',
  'kind',
  'name',
  'district',
  'commune',
  'address',
  'lat',
  'lng',
  'phone',
  'email',
  'website',
  'description',
  'accessibility',
  'status',
] as const;
export type PlaceFormValues = Record<(typeof PLACE_FIELDS)[number], string> & { services: string };

const orNull = (s: string) => (isBlank(s) ? null : s);

export function readPlaceForm(form: FormData): { values: PlaceFormValues; input: Record<string, unknown> } {
  const values = {} as PlaceFormValues;
  for (const f of PLACE_FIELDS) values[f] = formText(form, f);
  const services = form.getAll('services').filter((s): s is string => typeof s === 'string');
  values.services = services.join(',');
  const coord = (raw: string) => (raw.trim() === '' ? null : (parseCoordinate(raw) ?? raw));
  const input: Record<string, unknown> = {
    unitId: values.unitId,
    kind: values.kind,
    name: values.name,
    district: orNull(values.district),
    commune: orNull(values.commune),
    address: orNull(values.address),
    lat: coord(values.lat),
    lng: coord(values.lng),
    phone: orNull(values.phone),
    email: orNull(values.email),
    website: orNull(values.website),
    description: orNull(values.description),
    accessibility: orNull(values.accessibility),
    services,
    status: values.status || 'active',
  };
  return { values, input };
}

export const PLACE_MESSAGES: FieldMessages = {
  unitId: { field: 'place-unit', key: 'places.invalid.unit' },
  kind: { field: 'place-kind', key: 'places.invalid.kind' },
  name: { field: 'place-name', key: 'places.invalid.name' },
  district: { field: 'place-district', key: 'places.invalid.text' },
  commune: { field: 'place-commune', key: 'places.invalid.text' },
  address: { field: 'place-address', key: 'places.invalid.text' },
  lat: { field: 'place-lat', key: 'places.invalid.coordinates' },
  lng: { field: 'place-lng', key: 'places.invalid.coordinates' },
  phone: { field: 'place-phone', key: 'places.invalid.phone' },
  email: { field: 'place-email', key: 'places.invalid.email' },
  website: { field: 'place-website', key: 'places.invalid.website' },
  description: { field: 'place-description', key: 'places.invalid.text' },
  accessibility: { field: 'place-accessibility', key: 'places.invalid.text' },
  status: { field: 'place-status', key: 'places.invalid.status' },
  version: { field: 'place-name', key: 'error.versionConflict' },
};
for (let i = 0; i < 11; i++)
  PLACE_MESSAGES[`services.${i}`] = { field: 'place-services', key: 'places.invalid.services' };

/** Weekly hours grid: `h<weekday>_<session>_opens|closes`, two sessions a day; empty sessions are skipped. */
export function readHoursForm(form: FormData): {
  values: Record<string, string>;
  weekly: Array<{ weekday: number; opens: string; closes: string }>;
} {
  const values: Record<string, string> = {};
  const weekly: Array<{ weekday: number; opens: string; closes: string }> = [];
  for (let wd = 1; wd <= 7; wd++) {
    for (const s of [1, 2]) {
      const opens = formText(form, `h${wd}_${s}_opens`).trim();
      const closes = formText(form, `h${wd}_${s}_closes`).trim();
      values[`h${wd}_${s}_opens`] = opens;
      values[`h${wd}_${s}_closes`] = closes;
      if (opens || closes) weekly.push({ weekday: wd, opens, closes });
    }
  }
  return { values, weekly };
}

export function readExceptionForm(form: FormData) {
  const values = {
    day: formText(form, 'day'),
    closed: formText(form, 'closed'),
    opens: formText(form, 'opens'),
    closes: formText(form, 'closes'),
    note: formText(form, 'note'),
  };
  const closed = values.closed === 'on';
  return {
    values,
    input: {
      day: formDay(values.day) ?? '',
      closed,
      opens: closed ? null : orNull(values.opens),
      closes: closed ? null : orNull(values.closes),
      note: orNull(values.note),
    },
  };
}

export const EXCEPTION_MESSAGES: FieldMessages = {
  day: { field: 'exception-day', key: 'places.invalid.day' },
  opens: { field: 'exception-opens', key: 'places.invalid.time' },
  closes: { field: 'exception-closes', key: 'places.invalid.time' },
  note: { field: 'exception-note', key: 'places.invalid.note' },
};

/** "21/04/2026, 2026-05-18" → ISO days; anything unreadable is kept as typed so validation reports it. */
export function readDates(raw: string): string[] {
  return raw
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => formDay(s) ?? s);
}
