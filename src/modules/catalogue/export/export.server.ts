// Export of a search result as MARCXML or ISO 2709, streamed: the published records matching the same words
// and filters as the search (without typo correction), walked by `seq` in batches, each batch mapped by the
// same MARC mapping as the OAI-PMH provider. The writers follow MARC 21 (UTF-8, leader/09 = "a", MARC 21
// slim namespace), so yaz-marcdump and MarcEdit read the files back to the same records.
import { type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize } from '../../../app/policies.server.ts';
import { queryRows } from '../../../db/sql.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import type { SearchQuery } from '../catalogue.schemas.server.ts';
import { queryWords } from '../catalogue.text.ts';
import { writeIso2709 } from '../marc/iso2709.ts';
import { MARCXML_FOOTER, MARCXML_HEADER, marcXmlRecord } from '../marc/marcxml.server.ts';
import { marcOf, type OaiRecordData } from '../oai/oai-xml.server.ts';
import { postingsMatch } from '../search/search.sample.server.ts';
import { filterSql } from '../search/search.server.ts';

export type ExportFormat = 'marcxml' | 'iso2709';
export type ExportQuery = Omit<SearchQuery, 'sort' | 'page'> & { format: ExportFormat };

/** An export stops after this many records (the response says so in a header). */
export const EXPORT_MAX = 200_000;
const BATCH = 500;

const list = <T>(v: T | T[] | undefined): T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];

/** The next `limit` matching records after `afterSeq`, in seq order: driven by the first word's postings. */
function idsAfter(q: ExportQuery): (afterSeq: number, limit: number) => SQL {
  const where = filterSql({
    types: list(q.type),
    institutions: list(q.institution),
    languages: list(q.language),
    decades: list(q.decade),
    availability: list(q.availability),
  });
  const [first, ...rest] = queryWords(q.q ?? '').folded;
  if (first === undefined)
    return (afterSeq, limit) =>
      sql`SELECT r.id, r.seq FROM catalogue_records r WHERE ${where} AND r.seq > ${afterSeq}
        ORDER BY r.seq LIMIT ${limit}`;
  const others = rest.length ? sql` AND ${postingsMatch(rest.map((w) => [w]))}` : sql``;
  return (afterSeq, limit) =>
    sql`SELECT r.id, r.seq FROM catalogue_postings p JOIN catalogue_records r ON r.seq = p.seq
      WHERE p.word = ${first} AND p.seq > ${afterSeq} AND ${where}${others}
      ORDER BY p.seq LIMIT ${limit}`;
}

export interface MarcExport {
  contentType: string;
  fileName: string;
  stream: ReadableStream<Uint8Array>;
}

/** A streamed export of the records a search finds (published records only, for everyone). */
export function exportCatalogue(
  deps: Pick<AppDeps, 'db' | 'repos' | 'logger'>,
  actor: Actor,
  q: ExportQuery,
): MarcExport {
  authorize(actor, 'catalogue.record.search');
  const next = idsAfter(q);
  const encoder = new TextEncoder();
  let afterSeq = 0;
  let sent = 0;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started && q.format === 'marcxml') controller.enqueue(encoder.encode(MARCXML_HEADER));
        started = true;
        const limit = Math.min(BATCH, EXPORT_MAX - sent);
        const ids =
          limit > 0
            ? await queryRows<{ id: string; seq: string | number }>(deps.db, next(afterSeq, limit))
            : [];
        if (ids.length === 0) {
          if (q.format === 'marcxml') controller.enqueue(encoder.encode(MARCXML_FOOTER));
          controller.close();
          return;
        }
        afterSeq = Number(ids.at(-1)?.seq);
        sent += ids.length;
        const recordIds = ids.map((r) => r.id);
        const [rows, holdings] = await Promise.all([
          deps.repos.catalogue.getRecordsForExport(deps.db, recordIds),
          deps.repos.catalogue.listHoldings(deps.db, recordIds),
        ]);
        const byId = new Map<string, OaiRecordData>(rows.map((r) => [r.id, { ...r, holdings: [] }]));
        for (const h of holdings) byId.get(h.recordId)?.holdings.push(h);
        const parts: Uint8Array[] = [];
        for (const id of recordIds) {
          const r = byId.get(id);
          if (!r) continue;
          const marc = marcOf(r);
          try {
            parts.push(q.format === 'marcxml' ? encoder.encode(marcXmlRecord(marc)) : writeIso2709(marc));
          } catch {
            // A record too long for ISO 2709 (99,999 bytes) is left out rather than breaking the file.
            deps.logger.warn({ recordId: id }, 'record too long for ISO 2709 export');
          }
        }
        controller.enqueue(Buffer.concat(parts));
      } catch (e) {
        deps.logger.error({ err: e }, 'catalogue export failed');
        controller.error(e);
      }
    },
  });
  return {
    contentType: q.format === 'marcxml' ? 'application/marcxml+xml; charset=utf-8' : 'application/marc',
    fileName: q.format === 'marcxml' ? 'catalogue.xml' : 'catalogue.mrc',
    stream,
  };
}
