-- Browsing one institution's published records without a query ("what does this museum hold?") samples the
-- narrow facet table stratum by stratum in seq order; without this index each stratum was read whole for a
-- unit holding a small share of the catalogue (42 ms at 1M records).
CREATE INDEX catalogue_search_docs_unit_idx ON catalogue_search_docs (unit_id, seq) WHERE published;
