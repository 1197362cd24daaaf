// Harvested metadata → catalogue record input: oai_dc here, MARC 21 through the import's MARC mapping.
import {
  RECORD_TYPES,
  type RecordInput,
  RecordInputSchema,
  type RecordType,
} from '../catalogue.schemas.server.ts';
import { type MappedRecord, marcToRecord } from '../marc/marc-map.server.ts';
import { dcFromNode, marcFromNode, type XNode } from '../oai/oai-harvest-parse.server.ts';

const DCMI_TYPES: Record<string, RecordType> = {
  text: 'book',
  physicalobject: 'museum_object',
  movingimage: 'audiovisual',
  sound: 'audiovisual',
  image: 'digitised_document',
  stillimage: 'digitised_document',
  event: 'exhibition',
  interactiveresource: 'learning_resource',
  collection: 'book',
  dataset: 'learning_resource',
  software: 'learning_resource',
};

function typeOf(values: readonly string[]): RecordType {
  for (const v of values)
    if ((RECORD_TYPES as readonly string[]).includes(v.trim())) return v.trim() as RecordType;
  for (const v of values) {
    const key = v
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\/purl\.org\/dc\/dcmitype\//, '')
      .replace(/\s+/g, '');
    const t = DCMI_TYPES[key];
    if (t) return t;
  }
  return 'book';
}

const cut = (s: string | undefined, n: number) => (s === undefined ? undefined : s.slice(0, n));

export function dcToRecord(node: XNode, target: { unitId: string; published: boolean }): MappedRecord {
  if (node.name !== 'dc') return { ok: false, error: `expected oai_dc:dc metadata, found <${node.name}>` };
  const dc = dcFromNode(node);
  const first = (k: string) => dc.get(k)?.[0];
  const title = first('title');
  if (!title) return { ok: false, error: 'no title (dc:title)' };
  const identifiers = dc.get('identifier') ?? [];
  const isbn = identifiers
    .map((i) => /^(?:urn:isbn:|isbn:?\s*)([0-9Xx-]{10,17})$/i.exec(i.trim())?.[1])
    .find(Boolean)
    ?.replace(/-/g, '')
    .toUpperCase();
  const issn = identifiers
    .map((i) => /^(?:urn:issn:|issn:?\s*)(\d{4}-?\d{3}[\dXx])$/i.exec(i.trim())?.[1])
    .find(Boolean);
  const url = identifiers.find((i) => /^https?:\/\/\S+$/.test(i.trim()));
  const dateText = first('date');
  const year = dateText ? Number(/(\d{4})/.exec(dateText)?.[1] ?? Number.NaN) : Number.NaN;
  const language = first('language')?.toLowerCase().trim();
  const details: RecordInput['details'] = {};
  const publisher = first('publisher');
  if (publisher) details.publisher = publisher.slice(0, 2000);
  if (url) details.sourceUrl = url.slice(0, 2000);
  const parsed = RecordInputSchema.safeParse({
    type: typeOf(dc.get('type') ?? []),
    title: title.slice(0, 2000),
    creators: [...new Set([...(dc.get('creator') ?? []), ...(dc.get('contributor') ?? [])])]
      .map((c) => c.slice(0, 300))
      .slice(0, 50),
    subjects: [...new Set(dc.get('subject') ?? [])].map((s) => s.slice(0, 300)).slice(0, 100),
    dateText: cut(dateText, 100),
    year: Number.isInteger(year) && year >= -3000 && year <= 2200 ? year : undefined,
    language: language && /^[a-z]{2,3}$/.test(language) ? language : undefined,
    description: cut((dc.get('description') ?? []).join('\n\n') || undefined, 20_000),
    rights: cut(first('rights'), 2000),
    unitId: target.unitId,
    isbn: cut(isbn, 20),
    issn: cut(issn, 20),
    published: target.published,
    details,
    holdings: [],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid ${issue?.path.join('.') ?? 'record'}: ${issue?.message ?? ''}` };
  }
  return { ok: true, input: parsed.data };
}

export function harvestedToRecord(
  prefix: 'oai_dc' | 'marcxml',
  node: XNode,
  target: { unitId: string; published: boolean },
): MappedRecord {
  if (prefix === 'oai_dc') return dcToRecord(node, target);
  const marc = marcFromNode(node);
  if (typeof marc === 'string') return { ok: false, error: marc };
  const mapped = marcToRecord(marc, target);
  if (!mapped.ok) return mapped;
  // The harvested record's own 001/003 are kept for reference; matching uses the OAI identifier.
  const { controlNumber, controlSource, ...rest } = mapped.input;
  const details = { ...rest.details };
  if (controlNumber) details.marcControlNumber = controlNumber;
  if (controlSource) details.marcControlSource = controlSource;
  return { ok: true, input: { ...rest, details }, marc };
}
