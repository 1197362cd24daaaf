// The catalogue search's port (SearchIndex) and what it answers: the same shapes whichever index is behind it
// (PostgreSQL/PGlite postings here; OpenSearch in a large deployment).
import type { Db } from '../../../db/client.server.ts';
import type { RecordType, SearchSort } from '../catalogue.schemas.server.ts';
import type { SampleFilters } from './search.sample.server.ts';

export type SearchFilters = SampleFilters;

export interface SearchParams {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  id: string;
  type: RecordType;
  title: string;
  creators: string[];
  year: number | null;
  language: string | null;
  unitId: string;
  unitName: string;
  availability: string[];
}

export interface FacetCount {
  value: string;
  label?: string | undefined;
  count: number;
}
export type FacetName = 'type' | 'institution' | 'language' | 'decade' | 'availability';

export interface SearchResult {
  /** Exact, or (totalEstimated) a stratified estimate rounded to two significant digits; facets likewise. */
  total: number;
  totalEstimated: boolean;
  lastPage: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetCount[]>;
  /** Set when the query had no hits as typed and corrected words found some. */
  correctedQuery: string | null;
}

export interface SearchIndex {
  search(db: Db, p: SearchParams): Promise<SearchResult>;
  /** Autocomplete: completes the last word of `q` from the dictionary, most frequent first. */
  suggest(db: Db, q: string, limit: number): Promise<string[]>;
  /** Adds the words of written records to the dictionary (folded word → number of records). */
  addWords(db: Db, counts: ReadonlyMap<string, number>): Promise<void>;
  /** Recounts the dictionary from the stored vectors (after bulk loads; periodic maintenance). */
  rebuildDictionary(db: Db): Promise<number>;
}
