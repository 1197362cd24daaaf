// Zod input shapes of the news use cases (pages and API). Objects are strict: unknown fields are refused.
import { z } from '@hono/zod-openapi';
import { DAY_RANGES, instantWithin } from '../../lib/date-fields.server.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { VersionSchema } from '../../lib/versions.server.ts';
import { ARTICLE_STEPS, NEWS_CATEGORIES } from './news.vocab.ts';

const id = z.string().regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);
const ids = z.array(id).max(20).default([]);

export const ArticleInputSchema = z.strictObject({
  unitId: id,
  title: singleLineText({ min: 3, max: 300 }),
  summary: multiLineText({ max: 1000 }).default(''),
  /** HTML; sanitised by the use case before it is stored. */
  bodyHtml: multiLineText({ max: 200_000 }).default(''),
  category: z.enum(NEWS_CATEGORIES),
  tags: z
    .array(singleLineText({ min: 1, max: 60 }))
    .max(20)
    .default([]),
  campaignId: id.nullable().default(null),
  eventIds: ids,
  planInstanceIds: ids,
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

export const ArticleUpdateSchema = ArticleInputSchema.extend({ version: VersionSchema }).strict();
export type ArticleUpdate = z.infer<typeof ArticleUpdateSchema>;

export const ArticleStepSchema = z.strictObject({
  step: z.enum(ARTICLE_STEPS),
  version: VersionSchema,
  /** For `schedule`: when it goes public. */
  publishAt: instantWithin(DAY_RANGES.event).optional(),
});
export type ArticleStepInput = z.infer<typeof ArticleStepSchema>;

export const StaffListQuerySchema = z.strictObject({
  q: singleLineText({ max: 200 }).optional(),
  status: z.enum(['draft', 'review', 'scheduled', 'published', 'withdrawn']).optional(),
  category: z.enum(NEWS_CATEGORIES).optional(),
});
export type StaffListQuery = z.infer<typeof StaffListQuerySchema>;

export const PublicListQuerySchema = z.strictObject({
  q: singleLineText({ max: 200 }).optional(),
  category: z.enum(NEWS_CATEGORIES).optional(),
  tag: singleLineText({ max: 60 }).optional(),
  campaignId: id.optional(),
});
export type PublicListQuery = z.infer<typeof PublicListQuerySchema>;
