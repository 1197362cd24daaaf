-- The 8-bit character set a MARC (ISO 2709) upload was declared in (issue 18): MARC 21 has no leader code for
-- Windows-1251 and the like, so the person uploading says it. Null: read the leader (UTF-8 or MARC-8) or, for
-- UNIMARC, field 100 $a/26-27.
ALTER TABLE catalogue_import_jobs ADD COLUMN encoding text
  CHECK (encoding IS NULL OR encoding IN ('windows-1251', 'windows-1252', 'windows-1258', 'iso-8859-1', 'iso-8859-5', 'koi8-r', 'cp866'));
