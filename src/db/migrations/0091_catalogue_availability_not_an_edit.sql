-- "Available now" (issue 15): circulation tells the catalogue when a lendable copy leaves or returns to the shelf
-- (catalogueHoldingsPort.setAvailability), which rewrites the record's `availability` summary — the search
-- facet and filter, through the postings and facet-table triggers. That is not an edit of the record: OAI-PMH
-- does not publish availability, so an availability-only change no longer bumps the record's OAI datestamp
-- (harvesters would otherwise re-fetch a record at every loan).
DROP TRIGGER catalogue_oai_update ON catalogue_records;
CREATE TRIGGER catalogue_oai_update AFTER UPDATE ON catalogue_records FOR EACH ROW
  WHEN ((to_jsonb(OLD.*) - 'availability') IS DISTINCT FROM (to_jsonb(NEW.*) - 'availability'))
  EXECUTE FUNCTION catalogue_oai_on_update();
