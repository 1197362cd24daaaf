// Shared presentation of spreadsheet imports: report lines and preview rows as translatable messages.
import type { MessageKey, Translate } from '../../../lib/i18n.ts';
import type { StoredIssue } from '../../../modules/catalogue/tabular/csv.repository.server.ts';
import type { PreviewRow } from '../../../modules/catalogue/tabular/csv.usecases.server.ts';
import {
  isTabularField,
  TABULAR_FIELDS,
  type TabularField,
} from '../../../modules/catalogue/tabular/vocabulary.ts';

/** Record fields a column can fill, grouped as on the mapping screen. */
export const FIELD_GROUPS: ReadonlyArray<{ label: MessageKey; fields: readonly TabularField[] }> = [
  {
    label: 'catalogueTabular.group.record',
    fields: ['title', 'creators', 'subjects', 'date', 'language', 'description', 'rights', 'type'],
  },
  { label: 'catalogueTabular.group.identifiers', fields: ['inventoryNo', 'identifier', 'isbn', 'issn'] },
  { label: 'catalogueTabular.group.holding', fields: ['callNumber', 'location', 'availability', 'barcode'] },
  {
    label: 'catalogueTabular.group.details',
    fields: ['publisher', 'place', 'edition', 'extent', 'classification'],
  },
];
// Every field appears in exactly one group (checked once at load).
if (FIELD_GROUPS.flatMap((g) => g.fields).length !== TABULAR_FIELDS.length)
  throw new Error('FIELD_GROUPS must list every tabular field once');

export const fieldLabel = (field: TabularField): MessageKey =>
  `catalogueTabular.field.${field}` as MessageKey;

/** Schema paths (record input) named the way the mapping screen names them. */
const SCHEMA_FIELDS: Record<string, TabularField> = {
  dateText: 'date',
  year: 'date',
  controlNumber: 'identifier',
  holdings: 'callNumber',
};

export interface IssueView {
  rowNumber: number;
  severity: 'error' | 'warning';
  key: MessageKey;
  params: Record<string, string | number>;
}

/** A report line ready to translate: `field` parameters become the field's label in the reader's language. */
export function issueView(
  issue: Pick<StoredIssue, 'rowNumber' | 'severity' | 'code' | 'params'>,
  t: Translate,
): IssueView {
  const params = { ...issue.params };
  const field = typeof params.field === 'string' ? (SCHEMA_FIELDS[params.field] ?? params.field) : undefined;
  if (field && isTabularField(field)) params.field = t(fieldLabel(field));
  return {
    rowNumber: issue.rowNumber,
    severity: issue.severity,
    key: `catalogueTabular.issue.${issue.code}` as MessageKey,
    params,
  };
}

export interface PreviewView {
  rowNumber: number;
  ok: boolean;
  title: string;
  creators: string;
  type: MessageKey | null;
  date: string;
  identifiers: string;
  holding: string;
  messages: string[];
}

/** A preview row as the table shows it: the record the import will write, or the reasons it will not. */
export function previewView(p: PreviewRow, t: Translate): PreviewView {
  const m = p.mapped;
  const issues = m.ok ? m.warnings : m.issues;
  const messages = issues.map((i) => {
    const v = issueView({ ...i, code: i.code }, t);
    return t(v.key, v.params);
  });
  if (!m.ok)
    return {
      rowNumber: p.row.rowNumber,
      ok: false,
      title: '',
      creators: '',
      type: null,
      date: '',
      identifiers: '',
      holding: '',
      messages,
    };
  const r = m.input;
  const ids = [
    r.inventoryNo ? `${t('catalogueTabular.field.inventoryNo')}: ${r.inventoryNo}` : '',
    r.controlNumber ? `${t('catalogueTabular.field.identifier')}: ${r.controlNumber}` : '',
    r.isbn ? `ISBN ${r.isbn}` : '',
    r.issn ? `ISSN ${r.issn}` : '',
  ].filter(Boolean);
  const h = r.holdings[0];
  return {
    rowNumber: p.row.rowNumber,
    ok: true,
    title: r.title,
    creators: r.creators.join('; '),
    type: `catalogue.type.${r.type}` as MessageKey,
    date: [r.dateText, r.language].filter(Boolean).join(' · '),
    identifiers: ids.join(' · '),
    holding: h
      ? [h.callNumber, h.location, t(`catalogue.availability.${h.availability}` as MessageKey)]
          .filter(Boolean)
          .join(' · ')
      : '',
    messages,
  };
}
