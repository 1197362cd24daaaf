-- The GIN full-text index on catalogue_records.search_vector has not been read since the postings B-tree
-- (0017) took over word lookup: the search only evaluates search_vector on candidate rows it already found by
-- seq (ranking), and ts_stat scans the table. Its maintenance was the largest single cost of inserting a
-- record (issue 17: MARC import at 1M records); bench/marc-import.ts measures the import with and without it.
DROP INDEX IF EXISTS catalogue_records_search_idx;
