// Form helpers for the exhibition back-office pages: field names, which input each Zod issue belongs to, and
// empty inputs turned into "not given".
import type { MessageKey } from '../../lib/i18n.ts';
import { isBlank } from '../../lib/text.server.ts';
import type { FieldMessages } from '../ui/actor.ts';
import { optionalText } from '../ui/form-values.server.ts';

export const EXHIBITION_FIELDS = [
  'unitId',
  'titleVi',
  'titleEn',
  'slug',
  'summaryVi',
  'summaryEn',
  'startDate',
  'endDate',
  'version',
] as const;
export type ExhibitionFormValues = Record<(typeof EXHIBITION_FIELDS)[number], string>;

const m = (field: string, key: MessageKey) => ({ field, key });
export const EXHIBITION_MESSAGES: FieldMessages = {
  unitId: m('exhibition-unit', 'exhibitions.error.unit'),
  titleVi: m('exhibition-title-vi', 'exhibitions.error.titleVi'),
  titleEn: m('exhibition-title-en', 'exhibitions.error.tooLong'),
  slug: m('exhibition-slug', 'exhibitions.error.slug'),
  summaryVi: m('exhibition-summary-vi', 'exhibitions.error.tooLong'),
  summaryEn: m('exhibition-summary-en', 'exhibitions.error.tooLong'),
  startDate: m('exhibition-start', 'exhibitions.error.date'),
  endDate: m('exhibition-end', 'exhibitions.error.dates'),
};

/** The exhibition fields of a submitted form, empty ones left out (the schema decides what is required). */
export function exhibitionFormInput(v: ExhibitionFormValues) {
  return {
    titleVi: v.titleVi,
    titleEn: optionalText(v.titleEn),
    slug: optionalText(v.slug)?.trim().toLowerCase(),
    summaryVi: optionalText(v.summaryVi),
    summaryEn: optionalText(v.summaryEn),
    startDate: optionalText(v.startDate),
    endDate: optionalText(v.endDate),
  };
}

export const SECTION_FIELDS = ['headingVi', 'headingEn', 'bodyVi', 'bodyEn'] as const;
export const IMAGE_FIELDS = ['altVi', 'altEn', 'captionVi', 'captionEn'] as const;

export function sectionMessages(prefix: string): FieldMessages {
  return {
    headingVi: m(`${prefix}-heading-vi`, 'exhibitions.error.heading'),
    headingEn: m(`${prefix}-heading-en`, 'exhibitions.error.tooLong'),
    bodyVi: m(`${prefix}-body-vi`, 'exhibitions.error.tooLong'),
    bodyEn: m(`${prefix}-body-en`, 'exhibitions.error.tooLong'),
  };
}

export function imageMessages(prefix: string): FieldMessages {
  return {
    altVi: m(`${prefix}-alt-vi`, 'exhibitions.error.altRequired'),
    altEn: m(`${prefix}-alt-en`, 'exhibitions.error.tooLong'),
    captionVi: m(`${prefix}-caption-vi`, 'exhibitions.error.tooLong'),
    captionEn: m(`${prefix}-caption-en`, 'exhibitions.error.tooLong'),
  };
}

/** Text fields of a form as an object, empty optional ones left out. */
export function textFields<K extends string>(form: FormData | Record<string, string>, names: readonly K[]) {
  const get = (n: string) => {
    const v = form instanceof FormData ? form.get(n) : form[n];
    return typeof v === 'string' ? v : '';
  };
  const out: Partial<Record<K, string>> = {};
  for (const n of names) {
    const v = get(n);
    if (!isBlank(v)) out[n] = v;
  }
  return out;
}
