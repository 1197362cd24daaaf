// What the OAI-PMH provider lists: the catalogue's records, then every contributed source's items
// (src/app/module.ts `oaiSources`: learning paths …) in module-list order, as one list. Each source is paged by
// its own immutable `seq`, so the list's order is (source, seq): items inserted while a harvester pages land at
// the end of their source, and nothing listed before moves. The catalogue never reads another module's tables.
import type { AppDeps } from '../../../app/deps.types.ts';
import type { OaiSource, OaiSourceFilter } from '../../../app/module.ts';
import { RECORD_TYPES } from '../catalogue.schemas.server.ts';
import type { OaiFilter, OaiItem } from './oai.repository.server.ts';

/** The catalogue's own records' key in tokens (contributed sources are keyed by their type). */
export const RECORDS = 'records';

export interface Listed {
  source: string;
  id: string;
  seq: number;
  unitCode: string;
  /** Its `type:` set. */
  type: string;
  datestamp: Date;
  deleted: boolean;
}

export interface Lane {
  key: string;
  count(): Promise<number>;
  list(afterSeq: number, limit: number): Promise<Listed[]>;
}

export interface Selection {
  set: string | null;
  metadataPrefix: string;
  from: Date | null;
  untilBefore: Date | null;
}

type Unit = { id: string; code: string; name: string };

export async function contributedSources(): Promise<readonly OaiSource[]> {
  // Imported when first asked: the registries import this module's descriptor.
  return (await import('../../../app/registries.server.ts')).oaiSources;
}

const fromRecord = (i: OaiItem): Listed => ({
  source: RECORDS,
  id: i.recordId,
  seq: i.seq,
  unitCode: i.unitCode,
  type: i.type,
  datestamp: i.datestamp,
  deleted: i.deleted,
});

export class OaiSources {
  private readonly deps: AppDeps;
  readonly contributed: readonly OaiSource[];
  readonly units: readonly Unit[];

  private constructor(deps: AppDeps, contributed: readonly OaiSource[], units: readonly Unit[]) {
    this.deps = deps;
    this.contributed = contributed;
    this.units = units;
  }

  static async load(deps: AppDeps): Promise<OaiSources> {
    const [contributed, units] = await Promise.all([
      contributedSources(),
      deps.repos.catalogueOai.units(deps.db),
    ]);
    return new OaiSources(deps, contributed, units);
  }

  private codeOf(unitId: string): string {
    return this.units.find((u) => u.id === unitId)?.code ?? 'unknown';
  }

  private fromSource(s: OaiSource, i: Awaited<ReturnType<OaiSource['list']>>[number]): Listed {
    return { source: s.type, ...i, unitCode: this.codeOf(i.unitId), type: s.type };
  }

  /** The lanes a selection runs through, in list order (empty: nothing can match). */
  lanes(q: Selection): Lane[] {
    const { deps } = this;
    const dates = { from: q.from, untilBefore: q.untilBefore };
    const records = (set: OaiFilter['set']): Lane => ({
      key: RECORDS,
      count: () => deps.repos.catalogueOai.countItems(deps.db, { set, ...dates }),
      list: async (after, limit) =>
        (await deps.repos.catalogueOai.listItems(deps.db, { set, ...dates }, after, limit)).map(fromRecord),
    });
    const contributed = (s: OaiSource, unitId: string | null): Lane => {
      const f: OaiSourceFilter = { unitId, ...dates };
      return {
        key: s.type,
        count: () => s.count(deps, f),
        list: async (after, limit) => (await s.list(deps, f, after, limit)).map((i) => this.fromSource(s, i)),
      };
    };
    // Contributed sources publish oai_dc only.
    const others = q.metadataPrefix === 'oai_dc' ? this.contributed : [];
    const set = q.set;
    if (set === null || set === 'unit' || set === 'type')
      return [records({ kind: 'all' }), ...others.map((s) => contributed(s, null))];
    const [top, value, ...rest] = set.split(':');
    if (rest.length > 0 || !value) return [];
    if (top === 'unit') {
      const unit = this.units.find((u) => u.code === value);
      return [
        records({ kind: 'unit', code: value }),
        ...(unit ? others.map((s) => contributed(s, unit.id)) : []),
      ];
    }
    if (top !== 'type') return [];
    if ((RECORD_TYPES as readonly string[]).includes(value)) return [records({ kind: 'type', type: value })];
    return others.filter((s) => s.type === value).map((s) => contributed(s, null));
  }

  /** The item with this id (the part after `oai:<host>:`), deleted ones included. */
  async get(id: string): Promise<Listed | undefined> {
    if (/^rec_[a-z2-9]{16}$/.test(id)) {
      const item = await this.deps.repos.catalogueOai.getItem(this.deps.db, id);
      return item ? fromRecord(item) : undefined;
    }
    const s = this.contributed.find((c) => c.owns(id));
    const item = s ? await s.get(this.deps, id) : undefined;
    return s && item ? this.fromSource(s, item) : undefined;
  }

  /** The metadata formats an item's source publishes. */
  formatsOf(item: Listed, all: readonly string[]): readonly string[] {
    return item.source === RECORDS ? all : ['oai_dc'];
  }

  source(key: string): OaiSource | undefined {
    return this.contributed.find((s) => s.type === key);
  }

  async earliestDatestamp(): Promise<Date | null> {
    const all = await Promise.all([
      this.deps.repos.catalogueOai.earliestDatestamp(this.deps.db),
      ...this.contributed.map((s) => s.earliestDatestamp(this.deps)),
    ]);
    const dates = all.filter((d): d is Date => d !== null);
    return dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null;
  }
}

/**
 * Up to `limit` items after the position (`startKey`, `afterSeq`): the rest of that lane, then the next lanes
 * from their beginning. `undefined` when the position's lane is not among the lanes (a source went away).
 */
export async function listAcross(
  lanes: readonly Lane[],
  startKey: string,
  afterSeq: number,
  limit: number,
): Promise<Listed[] | undefined> {
  const start = lanes.findIndex((l) => l.key === startKey);
  if (start < 0) return undefined;
  const out: Listed[] = [];
  for (let i = start; i < lanes.length && out.length < limit; i++) {
    const lane = lanes[i] as Lane;
    out.push(...(await lane.list(i === start ? afterSeq : 0, limit - out.length)));
  }
  return out;
}
