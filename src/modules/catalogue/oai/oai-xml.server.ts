// XML pieces of the OAI-PMH provider: escaping (characters XML 1.0 cannot carry are dropped, never emitted),
// datestamps at second granularity, and the two metadata formats (oai_dc, MARC 21 slim).
import type { OaiDublinCore } from '../../../app/module.ts';
import type { HoldingRow, RecordRow } from '../catalogue.repository.server.ts';
import type { RecordType } from '../catalogue.schemas.server.ts';
import type { MarcRecord } from '../marc/marc.types.ts';
import { sourceWithEdits } from '../marc/marc-edits.server.ts';
import { type ExportableRecord, recordToMarc } from '../marc/marc-map.server.ts';
import { marcXmlRecord } from '../marc/marcxml.server.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Escapes text for element content and attribute values; strips characters XML 1.0 does not allow. */
export function esc(s: string): string {
  return s.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}

/** `YYYY-MM-DDThh:mm:ssZ` (OAI-PMH seconds granularity, UTC). */
export function datestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const OAI_DC_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
export const MARC_NS = 'http://www.loc.gov/MARC21/slim';
export const MARC_SCHEMA = 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd';

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

export type OaiRecordData = RecordRow & { holdings: HoldingRow[]; sourceMarc?: MarcRecord | null };

/**
 * The MARC record to publish: an imported record's source record with the staff's edits applied (lossless),
 * else the record written from the platform's values.
 */
export function marcOf(r: OaiRecordData): MarcRecord {
  return r.sourceMarc
    ? sourceWithEdits(r.sourceMarc, exportable(r), new Date(r.updatedAt))
    : recordToMarc(exportable(r));
}

/** Dublin Core (oai_dc) for a record; `url` is the record's public page. */
export function oaiDc(r: OaiRecordData, url: string): string {
  const el = (name: string, value: string | null | undefined) =>
    value ? `<dc:${name}>${esc(value)}</dc:${name}>` : '';
  const parts = [
    el('title', r.title),
    ...r.creators.map((c) => el('creator', c)),
    ...r.subjects.map((s) => el('subject', s)),
    el('description', r.description),
    el('publisher', typeof r.details.publisher === 'string' ? r.details.publisher : null),
    el('date', r.dateText ?? (r.year !== null ? String(r.year) : null)),
    el('type', DC_TYPE[r.type]),
    el('type', r.type),
    el('identifier', url),
    el('identifier', r.isbn ? `urn:isbn:${r.isbn}` : null),
    el('identifier', r.issn ? `urn:issn:${r.issn}` : null),
    el('identifier', r.inventoryNo),
    el('language', r.language),
    el('rights', r.rights),
    el('source', r.unitName),
  ];
  return `<oai_dc:dc xmlns:oai_dc="${OAI_DC_NS}" xmlns:dc="http://purl.org/dc/elements/1.1/" xsi:schemaLocation="${OAI_DC_NS} ${OAI_DC_SCHEMA}">${parts.join('')}</oai_dc:dc>`;
}

/** Dublin Core (oai_dc) for a contributed source's item; `publisher` is its unit's name. */
export function oaiDcOf(d: OaiDublinCore, publisher: string | null): string {
  const el = (name: string, value: string | null | undefined) =>
    value ? `<dc:${name}>${esc(value)}</dc:${name}>` : '';
  const parts = [
    el('title', d.title),
    ...d.subjects.map((s) => el('subject', s)),
    el('description', d.description),
    el('publisher', publisher),
    el('date', d.date),
    ...d.types.map((t) => el('type', t)),
    ...d.identifiers.map((i) => el('identifier', i)),
    el('language', d.language),
    ...d.relations.map((r) => el('relation', r)),
  ];
  return `<oai_dc:dc xmlns:oai_dc="${OAI_DC_NS}" xmlns:dc="http://purl.org/dc/elements/1.1/" xsi:schemaLocation="${OAI_DC_NS} ${OAI_DC_SCHEMA}">${parts.join('')}</oai_dc:dc>`;
}

/** The record as the MARC exporter writes it (same mapping as /api/v1/catalogue/export). */
export function exportable(r: OaiRecordData): ExportableRecord {
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
    isbn: r.isbn,
    issn: r.issn,
    controlNumber: r.controlNumber,
    controlSource: r.controlSource,
    details: r.details,
    holdings: r.holdings.map((h) => ({
      institutionName: h.unitName,
      callNumber: h.callNumber,
      location: h.location,
    })),
    createdAt: new Date(r.createdAt),
  };
}

export function oaiMarcXml(r: OaiRecordData): string {
  const xml = marcXmlRecord(marcOf(r));
  return xml.replace(
    /^<record>/,
    `<record xmlns="${MARC_NS}" xsi:schemaLocation="${MARC_NS} ${MARC_SCHEMA}">`,
  );
}
