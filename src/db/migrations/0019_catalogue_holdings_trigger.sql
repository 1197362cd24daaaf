-- The OAI-PMH holdings trigger (0014) joined the statement's transition table (no statistics) to the item
-- list, which the planner answered with a hash join over every item: ~20 ms per 1,000 imported holdings at
-- 1M records. An array of the touched record ids makes it one index probe per record.
CREATE OR REPLACE FUNCTION catalogue_oai_on_holdings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_oai_items i SET datestamp = clock_timestamp()
    WHERE i.record_id = ANY(ARRAY(SELECT DISTINCT record_id FROM changed_holdings))
      AND NOT i.deleted AND i.datestamp < transaction_timestamp();
  RETURN NULL;
END $$;
