// The catalogue module's public surface: what other modules may use (read ports, batched by id list).
import type { SQL } from 'drizzle-orm';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { newId } from './catalogue.ids.server.ts';
import type { Availability, RecordInput } from './catalogue.schemas.server.ts';
import { createCatalogueRecordsIn } from './catalogue.usecases.server.ts';
import { createHoldingsLookupRepository } from './holdings-lookup.repository.server.ts';

export type { Availability } from './catalogue.schemas.server.ts';
export type { HoldingSummary } from './holdings-lookup.repository.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

/** A new id for a record's image (`img_…`): the exhibitions' demo seeds pictures of the records it creates. */
export const newRecordImageId = (): string => newId('img');

export const catalogueRecordsPort = {
  /** Title, type and publication of these records; a missing id is absent from the answer. */
  summaries: (deps: Repos, db: Db, ids: readonly string[]) => deps.repos.catalogue.summaries(db, ids),
  /** The first image of each of these records (thumbnails). */
  firstImages: (deps: Repos, db: Db, ids: readonly string[]) =>
    deps.repos.catalogueMedia.firstImages(db, ids),
};

/**
 * Write port: new records with their copies, in the caller's transaction (donated books catalogued in one
 * step). The actor needs `catalogue.record.create` on every unit involved; each record is audited.
 */
export const catalogueCreatePort = {
  createRecords: (
    deps: Pick<AppDeps, 'db' | 'repos' | 'audit'>,
    tx: Db,
    actor: Actor,
    inputs: readonly RecordInput[],
  ): Promise<string[]> => createCatalogueRecordsIn(deps, tx, actor, inputs),
};
export type { RecordInput as CatalogueRecordInput } from './catalogue.schemas.server.ts';

const holdings = createHoldingsLookupRepository();

/** Holdings (copies a unit owns) by id list or barcode list; circulation makes them lendable. */
export const catalogueHoldingsPort = {
  byIds: (db: Db, ids: readonly string[]) => holdings.byIds(db, [...new Set(ids)]),
  byBarcodes: (db: Db, barcodes: readonly string[]) => holdings.byBarcodes(db, [...new Set(barcodes)]),
  ofUnits: (db: Db, unitIds: readonly string[], afterId: string, limit: number) =>
    holdings.ofUnits(db, unitIds, afterId, limit),
  /** A lendable copy's availability changed (lent, returned, lost…): search filters and facets follow it. */
  setAvailability: (db: Db, holdingId: string, availability: Availability) =>
    holdings.setAvailability(db, holdingId, availability),
  /** The same, as CTEs `<name>_h` and `<name>_r` of the caller's statement, for the holdings `holdingIds` selects. */
  availabilityCtes: (name: string, holdingIds: SQL, availability: Availability) =>
    holdings.availabilityCtes(name, holdingIds, availability),
};

/** Refuses an upload that is not an XLSX workbook or would expand beyond safe limits (zip bombs). */
export { checkXlsxContainer } from './tabular/xlsx-reader.server.ts';
