// Form handling for the unit pages: read posted fields, accept dates typed as dd/mm/yyyy as well as the
// ISO value a date input sends, and map invalid fields to translated, field-linked messages.

import type { FieldMessages } from '../ui/actor.ts';

export const CREATE_FIELDS = ['code', 'name', 'shortName', 'kind', 'parentId', 'validFrom', 'note'] as const;

export const CREATE_MESSAGES: FieldMessages = {
  code: { field: 'create-code', key: 'units.invalid.code' },
  name: { field: 'create-name', key: 'units.invalid.name' },
  shortName: { field: 'create-short-name', key: 'units.invalid.shortName' },
  kind: { field: 'create-kind', key: 'units.invalid.kind' },
  parentId: { field: 'create-parent', key: 'units.invalid.parent' },
  validFrom: { field: 'create-valid-from', key: 'units.invalid.date' },
  note: { field: 'create-note', key: 'units.invalid.note' },
};

/** Field ids of the change forms on a unit's page: `<intent>-<field>`. */
export function changeMessages(intent: string): FieldMessages {
  return {
    name: { field: `${intent}-name`, key: 'units.invalid.name' },
    parentId: { field: `${intent}-parent`, key: 'units.invalid.parent' },
    intoId: { field: `${intent}-into`, key: 'units.invalid.into' },
    effectiveOn: { field: `${intent}-date`, key: 'units.invalid.date' },
    note: { field: `${intent}-note`, key: 'units.invalid.note' },
  };
}

/** Which input a use-case failure belongs to, so the summary links to it. */
export function fieldForError(code: string, intent: string): string | undefined {
  if (code === 'units.code_taken') return 'create-code';
  if (code === 'units.future_date' || code === 'units.date_too_early') {
    return intent === 'create' ? 'create-valid-from' : `${intent}-date`;
  }
  if (['units.cycle', 'units.same_parent', 'units.parent_closed', 'units.parent_not_found'].includes(code)) {
    return intent === 'create' ? 'create-parent' : `${intent}-parent`;
  }
  if (code === 'units.same_name') return 'rename-name';
  if (code.startsWith('units.merge') || code.startsWith('units.target')) return 'merge-into';
  return undefined;
}
