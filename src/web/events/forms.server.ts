// Form handling for the event pages: the staff event form (dates typed dd/mm/yyyy or from a date input,
// times HH:MM in Vietnam time) and the registration form, each to the use case's input plus field-linked
// messages.
import { TIME_ZONE } from '../../lib/dates.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { isBlank } from '../../lib/text.server.ts';
import { EVENT_AUDIENCES, normalizeVietnamesePhone } from '../../modules/events/events.model.server.ts';
import type { EventRecord, SessionRecord } from '../../modules/events/events.repository.server.ts';
import { utcToZoned, zonedToUtc } from '../../modules/events/events.schedule.ts';
import { EventInputSchema, RegistrationInputSchema } from '../../modules/events/events.schemas.server.ts';
import { type FieldMessages, issuesToMessages } from '../ui/actor.ts';
import { formDay, formValues } from '../ui/form-values.server.ts';
import type { FormMessage } from '../ui/forms.ts';

export const EVENT_FIELDS = [
  'unitId',
  'title',
  'description',
  'category',
  'placeId',
  'onlineUrl',
  'capacity',
  'registrationMode',
  'opensDate',
  'opensTime',
  'closesDate',
  'closesTime',
  'priceVnd',
  'organiserContact',
  'planInstanceId',
  'status',
  'firstDate',
  'startTime',
  'endTime',
  'repeat',
  'until',
  'exceptions',
] as const;
export type EventFormValues = Record<(typeof EVENT_FIELDS)[number], string> & {
  audience: string[];
  weekdays: string[];
};

const EVENT_MESSAGES: FieldMessages = {
  unitId: { field: 'ev-unit', key: 'events.form.invalid.unit' },
  title: { field: 'ev-title', key: 'events.form.invalid.title' },
  description: { field: 'ev-description', key: 'events.form.invalid.description' },
  category: { field: 'ev-category', key: 'events.form.invalid.category' },
  placeId: { field: 'ev-place', key: 'events.error.placeRequired' },
  onlineUrl: { field: 'ev-online', key: 'events.form.invalid.onlineUrl' },
  capacity: { field: 'ev-capacity', key: 'events.form.invalid.capacity' },
  registrationOpensAt: { field: 'ev-opens-date', key: 'events.form.invalid.opens' },
  registrationClosesAt: { field: 'ev-closes-date', key: 'events.form.invalid.closes' },
  priceVnd: { field: 'ev-price', key: 'events.form.invalid.price' },
  organiserContact: { field: 'ev-contact', key: 'events.form.invalid.contact' },
  'schedule.firstDate': { field: 'ev-first-date', key: 'events.error.schedule.bad_date' },
  'schedule.startTime': { field: 'ev-start-time', key: 'events.error.schedule.bad_time' },
  'schedule.endTime': { field: 'ev-end-time', key: 'events.error.schedule.bad_time' },
  'schedule.weekly.until': { field: 'ev-until', key: 'events.error.schedule.bad_date' },
  'schedule.weekly.exceptions': { field: 'ev-exceptions', key: 'events.error.schedule.bad_date' },
};

export function readEventForm(form: FormData): EventFormValues {
  return {
    ...formValues(form, EVENT_FIELDS),
    audience: form.getAll('audience').map(String),
    weekdays: form.getAll('weekdays').map(String),
  };
}

function instant(day: string, time: string): string | null | 'invalid' {
  const d = formDay(day);
  if (!d) return null;
  try {
    return zonedToUtc(d, time.trim() || '00:00', TIME_ZONE).toISOString();
  } catch {
    return 'invalid';
  }
}

const optional = (s: string) => (isBlank(s) ? null : s.trim());
const integer = (s: string) =>
  s.trim() === ''
    ? null
    : /^\d+$/.test(s.trim().replace(/[.\s]/g, ''))
      ? Number(s.trim().replace(/[.\s]/g, ''))
      : Number.NaN;

export function parseEventForm(v: EventFormValues) {
  const opens = instant(v.opensDate, v.opensTime);
  const closes = instant(v.closesDate, v.closesTime);
  const exceptions = v.exceptions
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((d) => formDay(d) ?? d);
  return EventInputSchema.safeParse({
    unitId: v.unitId,
    title: v.title,
    description: v.description,
    category: v.category,
    audience: v.audience.filter((a) => (EVENT_AUDIENCES as readonly string[]).includes(a)),
    placeId: optional(v.placeId),
    onlineUrl: optional(v.onlineUrl),
    capacity: integer(v.capacity),
    registrationMode: v.registrationMode || 'series',
    registrationOpensAt: opens === 'invalid' ? 'invalid' : opens,
    registrationClosesAt: closes === 'invalid' ? 'invalid' : closes,
    priceVnd: integer(v.priceVnd) ?? 0,
    organiserContact: v.organiserContact,
    planInstanceId: optional(v.planInstanceId),
    status: v.status || 'draft',
    schedule: {
      firstDate: formDay(v.firstDate) ?? '',
      startTime: v.startTime.trim(),
      endTime: v.endTime.trim(),
      weekly:
        v.repeat === 'weekly'
          ? { weekdays: v.weekdays.map(Number), until: formDay(v.until) ?? '', exceptions }
          : null,
    },
  });
}

export function eventFormMessages(error: Parameters<typeof issuesToMessages>[0]): FormMessage[] {
  return issuesToMessages(error, EVENT_MESSAGES);
}

/** Which input a use-case failure of the event form belongs to. */
export function eventFieldForError(code: string): string | undefined {
  if (code.startsWith('events.schedule.')) return 'ev-first-date';
  if (code === 'events.capacity_below_confirmed') return 'ev-capacity';
  if (code === 'events.place_required' || code === 'events.place_not_found') return 'ev-place';
  if (code === 'events.window_order') return 'ev-opens-date';
  if (code === 'events.plan_instance_not_found') return 'ev-plan';
  if (code === 'auth.forbidden') return 'ev-unit';
  return undefined;
}

/** The form's values for an existing event (the edit form). */
export function eventToFormValues(e: EventRecord, sessions: SessionRecord[]): EventFormValues {
  const rec = (e.recurrence ?? null) as {
    firstDate?: string;
    startTime?: string;
    endTime?: string;
    weekly?: { weekdays: number[]; until: string; exceptions: string[] } | null;
  } | null;
  const first = sessions[0];
  const [firstDate, startTime] = first ? utcToZoned(first.startsAt, TIME_ZONE) : ['', ''];
  const endTime = first ? utcToZoned(first.endsAt, TIME_ZONE)[1] : '';
  const split = (d: Date | null) => (d ? utcToZoned(d, TIME_ZONE) : ['', '']);
  const [opensDate, opensTime] = split(e.registrationOpensAt);
  const [closesDate, closesTime] = split(e.registrationClosesAt);
  return {
    unitId: e.unitId,
    title: e.title,
    description: e.description,
    category: e.category,
    placeId: e.placeId ?? '',
    onlineUrl: e.onlineUrl ?? '',
    capacity: e.capacity === null ? '' : String(e.capacity),
    registrationMode: e.registrationMode,
    opensDate: opensDate ?? '',
    opensTime: opensTime ?? '',
    closesDate: closesDate ?? '',
    closesTime: closesTime ?? '',
    priceVnd: String(e.priceVnd),
    organiserContact: e.organiserContact,
    planInstanceId: e.planInstanceId ?? '',
    status: e.status === 'published' ? 'published' : 'draft',
    firstDate: rec?.firstDate ?? firstDate ?? '',
    startTime: rec?.startTime ?? startTime ?? '',
    endTime: rec?.endTime ?? endTime,
    repeat: rec?.weekly ? 'weekly' : 'once',
    until: rec?.weekly?.until ?? '',
    exceptions: rec?.weekly?.exceptions.join(', ') ?? '',
    audience: e.audience,
    weekdays: (rec?.weekly?.weekdays ?? []).map(String),
  };
}

// Registration form.

export const REGISTRATION_FIELDS = [
  'learnerId',
  'sessionId',
  'name',
  'phone',
  'email',
  'partySize',
  'consent',
  'idempotencyKey',
] as const;
export type RegistrationFormValues = Record<(typeof REGISTRATION_FIELDS)[number], string>;

const REGISTRATION_MESSAGES: FieldMessages = {
  learnerId: { field: 'reg-learner', key: 'events.error.notFamilyMember' },
  sessionId: { field: 'reg-session', key: 'events.error.sessionRequired' },
  name: { field: 'reg-name', key: 'events.error.invalidName' },
  phone: { field: 'reg-phone', key: 'events.error.invalidPhone' },
  email: { field: 'reg-email', key: 'events.error.invalidEmail' },
  partySize: { field: 'reg-party', key: 'events.error.invalidPartySize' },
  idempotencyKey: { field: '', key: 'error.validation' },
};

/** What the registration form needs to know about the event to check a submission in full. */
export interface RegistrationFormContext {
  signedIn: boolean;
  /** Seats per session: a session must be chosen among `openSessionIds`. */
  perSession?: boolean;
  openSessionIds?: readonly string[];
}

const FIELD_ORDER = [
  'reg-learner',
  'reg-session',
  'reg-name',
  'reg-phone',
  'reg-email',
  'reg-party',
  'reg-consent',
  '',
];

/**
 * Every problem with a registration at once (GOV.UK pattern): the schema's, then the rules the use case would
 * otherwise refuse one at a time (a guest's name, phone or e-mail, consent; a session that can be chosen),
 * in the form's order, one message per field.
 */
export function parseRegistrationForm(v: RegistrationFormValues, ctx: RegistrationFormContext | boolean) {
  const { signedIn, perSession, openSessionIds } = typeof ctx === 'boolean' ? { signedIn: ctx } : ctx;
  const parsed = RegistrationInputSchema.safeParse({
    sessionId: optional(v.sessionId),
    ...(signedIn && !isBlank(v.learnerId) ? { learnerId: v.learnerId.trim() } : {}),
    ...(!isBlank(v.name) || !signedIn ? { name: v.name } : {}),
    phone: optional(v.phone),
    email: optional(v.email),
    partySize: integer(v.partySize) ?? 1,
    consent: v.consent === 'yes',
    idempotencyKey: v.idempotencyKey,
  });
  const messages: FormMessage[] = parsed.success
    ? []
    : issuesToMessages(parsed.error, REGISTRATION_MESSAGES).map((m) =>
        m.field === 'reg-name' && isBlank(v.name)
          ? { field: 'reg-name', key: 'events.error.nameRequired' as MessageKey }
          : m,
      );
  const add = (field: string, key: MessageKey) => {
    if (!messages.some((m) => m.field === field)) messages.push({ field, key });
  };
  if (perSession) {
    if (isBlank(v.sessionId)) add('reg-session', 'events.error.sessionRequired');
    else if (openSessionIds && !openSessionIds.includes(v.sessionId.trim()))
      add('reg-session', 'events.error.sessionNotFound');
  }
  if (!isBlank(v.phone) && !normalizeVietnamesePhone(v.phone)) add('reg-phone', 'events.error.invalidPhone');
  if (!signedIn) {
    if (isBlank(v.name)) add('reg-name', 'events.error.nameRequired');
    if (isBlank(v.phone) && isBlank(v.email)) add('reg-phone', 'events.error.contactRequired');
    if (v.consent !== 'yes') add('reg-consent', 'events.error.consentRequired');
  }
  if (parsed.success && messages.length === 0) return { ok: true as const, data: parsed.data };
  const rank = (m: FormMessage) => FIELD_ORDER.indexOf(m.field ?? '');
  return { ok: false as const, errors: messages.sort((a, b) => rank(a) - rank(b)) };
}

export function registrationFieldForError(code: string): string | undefined {
  const map: Record<string, string> = {
    'events.invalid_phone': 'reg-phone',
    'events.contact_required': 'reg-phone',
    'events.consent_required': 'reg-consent',
    'events.name_required': 'reg-name',
    'events.session_required': 'reg-session',
    'events.session_not_found': 'reg-session',
    'events.party_too_large': 'reg-party',
    'events.not_family': 'reg-learner',
  };
  return map[code];
}
