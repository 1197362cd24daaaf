// Zod shapes at the catalogue's boundaries: staff input (create/patch), search query, API output.
import { z } from '@hono/zod-openapi';
import { yearWithin } from '../../lib/date-fields.server.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';

import { RECORD_TYPES } from './catalogue.vocab.ts';

export { RECORD_TYPES, type RecordType } from './catalogue.vocab.ts';

export const AVAILABILITIES = ['available', 'on_loan', 'reference_only', 'in_storage', 'on_display'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const SORTS = ['relevance', 'newest', 'title'] as const;
export type SearchSort = (typeof SORTS)[number];

const text = (max: number) => singleLineText({ min: 1, max });
const optionalText = (max: number) => singleLineText({ max }).optional();
const optionalLongText = (max: number) => multiLineText({ max }).optional();
const unitId = z.string().regex(/^[\w-]{1,64}$/);
/** Publication years are history: from antiquity to a few years ahead (announced titles). */
const publicationYear = () => yearWithin(-3000, () => yearInVietnam() + 5);

export const HoldingInputSchema = z
  .strictObject({
    unitId: unitId.optional().openapi({ description: 'Đơn vị giữ bản; mặc định là đơn vị của biểu ghi' }),
    callNumber: optionalText(100),
    location: optionalText(200),
    barcode: optionalText(100),
    availability: z.enum(AVAILABILITIES).default('available'),
  })
  .openapi('CatalogueHoldingInput');
export type HoldingInput = z.infer<typeof HoldingInputSchema>;

/** Type-specific fields (publisher, edition, material, dimensions, period, address…): flat, small values. */
const DetailsSchema = z
  .record(
    z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
    z.union([
      multiLineText({ max: 2000 }),
      z.number(),
      z.boolean(),
      z.array(singleLineText({ max: 500 })).max(50),
    ]),
  )
  .refine((d) => Object.keys(d).length <= 40, { message: 'at most 40 detail fields' });

const RecordFields = {
  type: z.enum(RECORD_TYPES),
  title: text(2000),
  creators: z.array(text(300)).max(50),
  subjects: z.array(text(300)).max(100),
  dateText: optionalText(100).openapi({
    description: 'Ngày tháng như ghi trên tài liệu, vd. "1975?" hay "thế kỷ XIX"',
  }),
  year: publicationYear().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .openapi({ description: 'Mã ngôn ngữ ISO 639-2 (vd. vie, eng, fre)' }),
  description: optionalLongText(20_000),
  rights: optionalLongText(2000),
  unitId,
  isbn: optionalText(20),
  issn: optionalText(20),
  inventoryNo: optionalText(60),
  controlNumber: optionalText(60),
  controlSource: optionalText(60),
  published: z.boolean(),
  details: DetailsSchema,
  holdings: z.array(HoldingInputSchema).max(500),
};

export const RecordInputSchema = z
  .strictObject({
    ...RecordFields,
    creators: RecordFields.creators.default([]),
    subjects: RecordFields.subjects.default([]),
    published: RecordFields.published.default(false),
    details: DetailsSchema.default({}),
    holdings: RecordFields.holdings.default([]),
  })
  .openapi('CatalogueRecordInput');
export type RecordInput = z.infer<typeof RecordInputSchema>;

export const RecordPatchSchema = z
  .strictObject(RecordFields)
  .partial()
  .extend({ version: z.number().int().min(1).openapi({ description: 'Phiên bản đang sửa (chống ghi đè)' }) })
  .openapi('CatalogueRecordPatch');
export type RecordPatch = z.infer<typeof RecordPatchSchema>;

const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).max(20)]).optional();

export const SearchQuerySchema = z.strictObject({
  q: singleLineText({ max: 200 })
    .optional()
    .openapi({ description: 'Từ khóa; không phân biệt dấu, hoa thường' }),
  type: oneOrMany(z.enum(RECORD_TYPES)),
  institution: oneOrMany(unitId).openapi({ description: 'Id đơn vị giữ tài liệu' }),
  language: oneOrMany(z.string().regex(/^[a-z]{2,3}$/)),
  decade: oneOrMany(z.coerce.number().pipe(publicationYear())),
  availability: oneOrMany(z.enum(AVAILABILITIES)),
  sort: z.enum(SORTS).default('relevance'),
  page: z.coerce.number().int().min(1).max(50).default(1).openapi({ description: 'Trang (tối đa 50)' }),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SuggestQuerySchema = z.strictObject({ q: singleLineText({ max: 100 }) });

export const RecordParamsSchema = z.strictObject({
  recordId: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .openapi({ param: { name: 'recordId', in: 'path' }, example: 'rec_abcdefghijkmnpqr' }),
});

const FacetValueSchema = z.object({
  value: z.string(),
  label: z.string().optional(),
  count: z.number().int(),
});

export const SearchResultSchema = z
  .object({
    total: z.number().int(),
    totalEstimated: z.boolean().openapi({
      description:
        'true: `total` và số đếm theo nhóm là ước lượng (mẫu phân tầng, làm tròn 2 chữ số có nghĩa); false: chính xác',
    }),
    page: z.number().int(),
    pageSize: z.number().int(),
    lastPage: z.number().int(),
    correctedQuery: z.string().nullable().openapi({ description: 'Truy vấn đã sửa lỗi chính tả, nếu có' }),
    hits: z.array(
      z.object({
        id: z.string(),
        type: z.enum(RECORD_TYPES),
        title: z.string(),
        creators: z.array(z.string()),
        year: z.number().int().nullable(),
        language: z.string().nullable(),
        institution: z.object({ id: z.string(), name: z.string() }),
        availability: z.array(z.string()),
      }),
    ),
    facets: z.object({
      type: z.array(FacetValueSchema),
      institution: z.array(FacetValueSchema),
      language: z.array(FacetValueSchema),
      decade: z.array(FacetValueSchema),
      availability: z.array(FacetValueSchema),
    }),
  })
  .openapi('CatalogueSearchResult');

export const RecordOutputSchema = z
  .object({
    id: z.string(),
    type: z.enum(RECORD_TYPES),
    title: z.string(),
    creators: z.array(z.string()),
    subjects: z.array(z.string()),
    dateText: z.string().nullable(),
    year: z.number().int().nullable(),
    language: z.string().nullable(),
    description: z.string().nullable(),
    rights: z.string().nullable(),
    institution: z.object({ id: z.string(), name: z.string() }),
    identifiers: z.object({
      isbn: z.string().nullable(),
      issn: z.string().nullable(),
      inventoryNo: z.string().nullable(),
      controlNumber: z.string().nullable(),
      controlSource: z.string().nullable(),
    }),
    published: z.boolean(),
    details: z.record(z.string(), z.unknown()),
    holdings: z.array(
      z.object({
        id: z.string(),
        institution: z.object({ id: z.string(), name: z.string() }),
        callNumber: z.string().nullable(),
        location: z.string().nullable(),
        availability: z.enum(AVAILABILITIES),
      }),
    ),
    source: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CatalogueRecord');
