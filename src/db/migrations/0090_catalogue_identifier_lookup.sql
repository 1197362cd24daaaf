-- Identifier lookup (issue 17): a query that is an ISBN, ISSN, inventory number or barcode finds its records
-- by index, however it was typed (978-604-… = 978604…; lower-case x in an ISBN-10). Before, such a query went
-- through the word search and, finding no record, a trigram typo lookup of a 13-digit "word" (735 ms at 1M).
-- `catalogue_ident` is the same compaction as `compactIdentifier` in catalogue.text.ts.
CREATE FUNCTION catalogue_ident(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT upper(regexp_replace(t, '[^0-9A-Za-z]', '', 'g'))
$$;

CREATE INDEX catalogue_records_isbn_ident_idx ON catalogue_records (catalogue_ident(isbn))
  WHERE isbn IS NOT NULL;
CREATE INDEX catalogue_records_issn_ident_idx ON catalogue_records (catalogue_ident(issn))
  WHERE issn IS NOT NULL;
CREATE INDEX catalogue_records_inventory_ident_idx ON catalogue_records (catalogue_ident(inventory_no))
  WHERE inventory_no IS NOT NULL;
CREATE INDEX catalogue_holdings_barcode_ident_idx ON catalogue_holdings (catalogue_ident(barcode))
  WHERE barcode IS NOT NULL;
