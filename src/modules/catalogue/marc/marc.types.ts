// MARC 21 records as plain data, independent of the serialisation (ISO 2709 or MARCXML).

export interface MarcSubfield {
  code: string;
  value: string;
}

export interface MarcControlField {
  tag: string;
  value: string;
}

export interface MarcDataField {
  tag: string;
  ind1: string;
  ind2: string;
  subfields: MarcSubfield[];
}

export type MarcField = MarcControlField | MarcDataField;

export interface MarcRecord {
  leader: string;
  fields: MarcField[];
  /** For a record converted from UNIMARC: the record as it was received (kept losslessly). */
  original?: { format: 'unimarc'; leader: string; fields: MarcField[] };
}

/**
 * One item read from a MARC file: a record, or a clear reason why the bytes at `position` (a byte offset)
 * are not one. `next` is where the following record starts; `number` the record's number from 1 (MARCXML).
 * A `fatal` error is the last item: the file is damaged there and nothing after it can be read.
 */
export type MarcReadResult =
  | { ok: true; record: MarcRecord; position: number; next: number; number?: number }
  | { ok: false; error: string; position: number; next: number; number?: number; fatal?: true };

export function isControlField(f: MarcField): f is MarcControlField {
  return 'value' in f;
}

export function isControlTag(tag: string): boolean {
  return /^00[1-9]$/.test(tag);
}

/** The first value of a subfield in the first field with this tag. */
export function subfield(record: MarcRecord, tag: string, code: string): string | undefined {
  for (const f of record.fields) {
    if (f.tag !== tag || isControlField(f)) continue;
    const s = f.subfields.find((x) => x.code === code);
    if (s) return s.value;
  }
  return undefined;
}

export function controlValue(record: MarcRecord, tag: string): string | undefined {
  const f = record.fields.find((x) => x.tag === tag && isControlField(x));
  return f && isControlField(f) ? f.value : undefined;
}

export function dataFields(record: MarcRecord, ...tags: string[]): MarcDataField[] {
  return record.fields.filter((f): f is MarcDataField => tags.includes(f.tag) && !isControlField(f));
}
