// Form handling for the article pages: the staff form's fields to the use case's input (tags comma-separated,
// linked events and plan task instances as multiple choices), with field-linked messages.
import type { MessageKey } from '../../lib/i18n.ts';
import type { ArticleRecord } from '../../modules/news/news.repository.server.ts';
import { ArticleInputSchema } from '../../modules/news/news.schemas.server.ts';
import { type FieldMessages, issuesToMessages } from '../ui/actor.ts';
import { formValues } from '../ui/form-values.server.ts';
import type { FormMessage } from '../ui/forms.ts';

export const ARTICLE_FIELDS = [
  'unitId',
  'title',
  'summary',
  'bodyHtml',
  'category',
  'tags',
  'campaignId',
] as const;
export type ArticleFormValues = Record<
  (typeof ARTICLE_FIELDS)[number] | 'eventIds' | 'planInstanceIds',
  string
>;

const MESSAGES: FieldMessages = {
  unitId: { field: 'ar-unit', key: 'news.form.invalid.unit' },
  title: { field: 'ar-title', key: 'news.form.invalid.title' },
  summary: { field: 'ar-summary', key: 'news.form.invalid.summary' },
  bodyHtml: { field: 'ar-body', key: 'news.form.invalid.body' },
  category: { field: 'ar-category', key: 'news.form.invalid.category' },
  tags: { field: 'ar-tags', key: 'news.form.invalid.tags' },
  campaignId: { field: 'ar-campaign', key: 'news.error.campaignNotFound' },
  eventIds: { field: 'ar-events', key: 'news.error.eventNotFound' },
  planInstanceIds: { field: 'ar-plan', key: 'news.error.planInstanceNotFound' },
};

/** Form values as strings (multiple choices joined by commas) so the form can be shown again as posted. */
export function readArticleForm(form: FormData): ArticleFormValues {
  return {
    ...formValues(form, ARTICLE_FIELDS),
    eventIds: form.getAll('eventIds').map(String).filter(Boolean).join(','),
    planInstanceIds: form.getAll('planInstanceIds').map(String).filter(Boolean).join(','),
  };
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function parseArticleForm(v: ArticleFormValues) {
  return ArticleInputSchema.safeParse({
    unitId: v.unitId,
    title: v.title,
    summary: v.summary,
    bodyHtml: v.bodyHtml,
    category: v.category,
    tags: list(v.tags),
    campaignId: v.campaignId.trim() || null,
    eventIds: list(v.eventIds),
    planInstanceIds: list(v.planInstanceIds),
  });
}

export function articleFormMessages(error: Parameters<typeof issuesToMessages>[0]): FormMessage[] {
  return issuesToMessages(error, MESSAGES);
}

/** Which input a use-case failure of the article form belongs to. */
export function articleFieldForError(code: string): string | undefined {
  const map: Record<string, string> = {
    'news.event_not_found': 'ar-events',
    'news.plan_instance_not_found': 'ar-plan',
    'news.campaign_not_found': 'ar-campaign',
    'auth.forbidden': 'ar-unit',
  };
  return map[code];
}

export function articleToFormValues(a: ArticleRecord): ArticleFormValues {
  return {
    unitId: a.unitId,
    title: a.title,
    summary: a.summary,
    bodyHtml: a.bodyHtml,
    category: a.category,
    tags: a.tags.join(', '),
    campaignId: a.campaignId ?? '',
    eventIds: a.eventIds.join(','),
    planInstanceIds: a.planInstanceIds.join(','),
  };
}

export const STEP_NOTICES: Record<string, MessageKey> = {
  created: 'news.done.created',
  saved: 'news.done.saved',
  submit: 'news.done.submit',
  return: 'news.done.return',
  publish: 'news.done.publish',
  schedule: 'news.done.schedule',
  withdraw: 'news.done.withdraw',
  image: 'news.done.image',
};
