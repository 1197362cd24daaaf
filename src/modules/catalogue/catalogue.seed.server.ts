// Demo catalogue (demo mode only, first start): generated Vietnamese records held by the provincial library,
// museum and cultural centre, each clearly marked as demo data in its description and details.
import type { AppDeps } from '../../app/deps.types.ts';
import { type GeneratedRecord, generator } from './catalogue.demo-data.server.ts';
import { newId } from './catalogue.ids.server.ts';
import type { HoldingValues, RecordValues } from './catalogue.repository.server.ts';

const HOLDERS = ['thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'] as const;
const DEMO_NOTE = 'Bản ghi minh họa (dữ liệu demo), không phải tài liệu thật.';

export async function seedDemoCatalogue(deps: AppDeps, count = 3000): Promise<number> {
  const holders: string[] = [];
  for (const code of HOLDERS) {
    const unit = await deps.repos.units.byCode(deps.db, code);
    if (unit) holders.push(unit.id);
  }
  if (!holders.length) return 0;
  const next = generator(2023);
  for (let done = 0; done < count; ) {
    const n = Math.min(500, count - done);
    const records: RecordValues[] = [];
    const holdings: HoldingValues[] = [];
    for (let i = 0; i < n; i++) {
      const unitId = holders[(done + i) % holders.length] as string;
      const built = generatedRecord(next(), unitId, {
        published: true,
        description: DEMO_NOTE,
        details: { demo: true },
      });
      records.push(built.record);
      holdings.push(built.holding);
    }
    await deps.db.transaction((tx) => deps.repos.catalogue.insertRecords(tx, records, holdings));
    done += n;
  }
  await deps.repos.catalogueSearch.rebuildDictionary(deps.db);
  return count;
}

/** A generated record and its one holding, as the repository inserts them (demo seed and benchmark). */
export function generatedRecord(
  g: GeneratedRecord,
  unitId: string,
  opts: { published: boolean; description: string | null; details: Record<string, unknown> },
): { record: RecordValues; holding: HoldingValues } {
  const id = newId('rec');
  return {
    record: {
      id,
      type: g.type,
      title: g.title,
      creators: g.creators,
      subjects: g.subjects,
      dateText: null,
      year: g.year,
      language: g.language,
      description: opts.description,
      rights: null,
      unitId,
      isbn: g.isbn,
      issn: null,
      inventoryNo: null,
      controlNumber: null,
      controlSource: null,
      published: opts.published,
      details: opts.details,
      source: 'manual',
      sourceHash: null,
    },
    holding: {
      id: newId('hld'),
      recordId: id,
      unitId,
      callNumber: g.callNumber,
      location: null,
      barcode: null,
      availability: g.availability,
    },
  };
}
