-- The MARC record a record was imported from (leader, control and data fields, indicators, subfield order), kept
-- as the record of truth for export: the export writes it back with the staff's edits applied to the fields they
-- touched (issue 18). Null for records made on the platform or imported from spreadsheets.
ALTER TABLE catalogue_records ADD COLUMN source_marc jsonb;
