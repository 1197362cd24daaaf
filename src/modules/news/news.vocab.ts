// Client-safe vocabulary of the news module: categories, workflow states, media product kinds.

export const NEWS_CATEGORIES = ['news', 'guidance', 'campaign', 'model', 'event_report', 'other'] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];

/** draft → review → scheduled (publish_at in the future) or published; published → withdrawn. */
export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const MEDIA_KINDS = ['report', 'talk_show', 'online_talk', 'article_press', 'video', 'other'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** The workflow steps a staff member can ask for on an article. */
export const ARTICLE_STEPS = ['submit', 'return', 'publish', 'schedule', 'withdraw'] as const;
export type ArticleStep = (typeof ARTICLE_STEPS)[number];

/** Which steps leave which states. `publish`/`schedule` need the publishing permission. */
export const STEP_FROM: Record<ArticleStep, readonly ArticleStatus[]> = {
  submit: ['draft', 'withdrawn'],
  return: ['review', 'scheduled'],
  publish: ['draft', 'review', 'scheduled', 'withdrawn'],
  schedule: ['draft', 'review'],
  withdraw: ['published', 'scheduled'],
};

export function allowedSteps(status: ArticleStatus): ArticleStep[] {
  return ARTICLE_STEPS.filter((s) => STEP_FROM[s].includes(status));
}
