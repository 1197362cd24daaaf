// Outward shapes of a record: the API JSON, Dublin Core meta elements and schema.org JSON-LD.

import type { z } from '@hono/zod-openapi';
import { bcp47FromMarc } from '../../lib/language-tags.ts';
import type {
  Availability,
  RecordOutputSchema,
  RecordType,
  SearchResultSchema,
} from './catalogue.schemas.server.ts';
import type { RecordView } from './catalogue.usecases.server.ts';
import type { SearchResult } from './search/search.server.ts';

export type RecordOutput = z.infer<typeof RecordOutputSchema>;

export function presentRecord(r: RecordView): RecordOutput {
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    creators: r.creators,
    subjects: r.subjects,
    dateText: r.dateText,
    year: r.year,
    language: r.language,
    description: r.description,
    rights: r.rights,
    institution: { id: r.unitId, name: r.unitName },
    identifiers: {
      isbn: r.isbn,
      issn: r.issn,
      inventoryNo: r.inventoryNo,
      controlNumber: r.controlNumber,
      controlSource: r.controlSource,
    },
    published: r.published,
    details: r.details,
    holdings: r.holdings.map((h) => ({
      id: h.id,
      institution: { id: h.unitId, name: h.unitName },
      callNumber: h.callNumber,
      location: h.location,
      availability: h.availability as Availability,
    })),
    source: r.source,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentSearch(
  r: SearchResult & { page: number; pageSize: number },
): z.infer<typeof SearchResultSchema> {
  return {
    total: r.total,
    totalEstimated: r.totalEstimated,
    page: r.page,
    pageSize: r.pageSize,
    lastPage: r.lastPage,
    correctedQuery: r.correctedQuery,
    hits: r.hits.map((h) => ({
      id: h.id,
      type: h.type,
      title: h.title,
      creators: h.creators,
      year: h.year,
      language: h.language,
      institution: { id: h.unitId, name: h.unitName },
      availability: h.availability,
    })),
    facets: {
      type: r.facets.type,
      institution: r.facets.institution,
      language: r.facets.language,
      decade: r.facets.decade,
      availability: r.facets.availability,
    },
  };
}

const DC_TYPE: Record<RecordType, string> = {
  book: 'Text',
  serial: 'Text',
  audiovisual: 'MovingImage',
  digitised_document: 'Text',
  museum_object: 'PhysicalObject',
  exhibition: 'Event',
  learning_resource: 'InteractiveResource',
  heritage_site: 'PhysicalObject',
};

/** `<meta name="DC.*">` pairs (Dublin Core in HTML, DCMI 2008 convention). */
export function dublinCore(r: RecordView, url: string): Array<{ name: string; content: string }> {
  const out: Array<{ name: string; content: string }> = [
    { name: 'DC.title', content: r.title },
    { name: 'DC.type', content: DC_TYPE[r.type] },
    { name: 'DC.identifier', content: url },
    { name: 'DC.publisher', content: r.unitName },
  ];
  for (const c of r.creators) out.push({ name: 'DC.creator', content: c });
  for (const s of r.subjects) out.push({ name: 'DC.subject', content: s });
  if (r.dateText || r.year !== null) out.push({ name: 'DC.date', content: r.dateText ?? String(r.year) });
  if (r.language) out.push({ name: 'DC.language', content: r.language });
  if (r.description) out.push({ name: 'DC.description', content: r.description.slice(0, 1000) });
  if (r.rights) out.push({ name: 'DC.rights', content: r.rights });
  if (r.isbn) out.push({ name: 'DC.identifier', content: `urn:isbn:${r.isbn}` });
  return out;
}

const SCHEMA_TYPE: Record<RecordType, string> = {
  book: 'Book',
  serial: 'Periodical',
  audiovisual: 'CreativeWork',
  digitised_document: 'CreativeWork',
  museum_object: 'VisualArtwork',
  exhibition: 'ExhibitionEvent',
  learning_resource: 'LearningResource',
  heritage_site: 'LandmarksOrHistoricalBuildings',
};

/** schema.org description of a record (served as JSON-LD). */
export function jsonLd(r: RecordView, url: string): Record<string, unknown> {
  const type = SCHEMA_TYPE[r.type];
  const doc: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': type,
    '@id': url,
    url,
    name: r.title,
  };
  if (r.creators.length)
    doc[type === 'VisualArtwork' ? 'creator' : 'author'] = r.creators.map((name) => ({
      '@type': 'Person',
      name,
    }));
  if (r.subjects.length) doc.keywords = r.subjects.join(', ');
  if (r.description) doc.description = r.description;
  const inLanguage = bcp47FromMarc(r.language);
  if (inLanguage) doc.inLanguage = inLanguage;
  if (r.year !== null && type !== 'ExhibitionEvent') doc.dateCreated = String(r.year);
  if (r.year !== null && type === 'ExhibitionEvent') doc.startDate = String(r.year);
  if (r.isbn && type === 'Book') doc.isbn = r.isbn;
  if (r.issn && type === 'Periodical') doc.issn = r.issn;
  if (r.rights) doc.license = r.rights;
  const holder = { '@type': r.type === 'museum_object' ? 'Museum' : 'Library', name: r.unitName };
  if (type === 'ExhibitionEvent') doc.location = holder;
  else doc.provider = holder;
  return doc;
}
