// Edit forms and stale versions: every edit form carries the version it was loaded with (hidden `version`).
// When someone else saved in the meantime the action answers 409 with the user's input kept, the values
// stored now and their version: the page shows both side by side and re-saving is a deliberate choice.
import { data } from 'react-router';
import type { FormMessage } from './forms.ts';

export type SavedValues = Record<string, string | string[]>;
export interface ConflictView {
  version: number;
  saved: SavedValues;
}

/** The version a form was loaded with; 0 (never stored) when missing or malformed, so the save is refused. */
export function formVersion(form: FormData): number {
  const n = Number(form.get('version'));
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** The page answer to a stale save: the user's values kept, the stored ones and their version beside them. */
export function conflictForm<V extends object>(values: V, conflict: ConflictView, field?: string) {
  const errors: FormMessage[] = [{ key: 'error.versionConflict', ...(field ? { field } : {}) }];
  return data({ ok: false as const, errors, values, conflict }, { status: 409 });
}

/** The version the form should carry: after a conflict the stored one, otherwise the one it was loaded with. */
export function versionForForm(loaded: number, actionData: unknown): number {
  const conflict = conflictOf(actionData);
  if (conflict) return conflict.version;
  const submitted = (actionData as { values?: { version?: unknown } } | undefined)?.values?.version;
  const n = Number(submitted);
  return Number.isSafeInteger(n) && n > 0 ? n : loaded;
}

/** The conflict carried by an action's answer, if it was a stale save. */
export function conflictOf(actionData: unknown): ConflictView | undefined {
  return (actionData as { conflict?: ConflictView } | undefined)?.conflict;
}

/** The values the user submitted, as the conflict summary compares them. */
export function submittedOf(actionData: unknown): SavedValues | undefined {
  return (actionData as { values?: SavedValues } | undefined)?.values;
}
