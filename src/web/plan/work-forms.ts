// Form handling of the plan instance page: one action, an `intent` per form, each parsed with the same Zod
// schemas as the API, failures shown in the error summary linked to the form's field, input kept.
import type { MessageKey } from '../../lib/i18n.ts';
import type { FieldMessages } from '../ui/actor.ts';

export const INSTANCE_FIELDS = [
  'intent',
  'unitId',
  'version',
  'status',
  'statusReason',
  'percent',
  'narrative',
  'assigneeId',
  'dueDate',
  'comment',
  'title',
  'url',
  'recordType',
  'recordId',
  'evidenceId',
] as const;
export type InstanceFormValues = Record<(typeof INSTANCE_FIELDS)[number], string>;

/** Input ids inside one unit's part: `<field>-<unitId>`. */
export const partField = (field: string, unitId: string) => `${field}-${unitId}`;

export function progressMessages(unitId: string): FieldMessages {
  return {
    status: { field: partField('status', unitId), key: 'planwork.invalid.status' },
    statusReason: { field: partField('reason', unitId), key: 'planwork.invalid.reason' },
    percent: { field: partField('percent', unitId), key: 'planwork.invalid.percent' },
    narrative: { field: partField('narrative', unitId), key: 'planwork.invalid.narrative' },
    version: { field: partField('narrative', unitId), key: 'planwork.error.stale' },
  };
}

export function linkMessages(unitId: string, intent = 'link'): FieldMessages {
  return {
    title: {
      field: partField(intent === 'record' ? 'record-title' : 'link-title', unitId),
      key: 'planwork.invalid.title',
    },
    url: { field: partField('link-url', unitId), key: 'planwork.invalid.url' },
    recordType: { field: partField('record-type', unitId), key: 'planwork.invalid.recordType' },
    recordId: { field: partField('record-id', unitId), key: 'planwork.invalid.recordId' },
  };
}

/** Which input a use-case failure belongs to, so the summary links to it. */
export function fieldForPlanError(code: string, intent: string, unitId: string): string | undefined {
  if (code === 'plan.reason_required') return partField('reason', unitId);
  if (code === 'plan.report_stale' && intent === 'progress') return partField('narrative', unitId);
  if (code === 'plan.comment_required') return partField('return-comment', unitId);
  if (code === 'plan.assignee_invalid') return partField('assignee', unitId);
  if (code === 'plan.due_date_out_of_range') return 'due-date';
  return undefined;
}

export const DONE_NOTICES: Record<string, MessageKey> = {
  progress: 'planwork.done.progress',
  ready: 'planwork.done.ready',
  submit: 'planwork.done.submit',
  approve: 'planwork.done.approve',
  return: 'planwork.done.return',
  assign: 'planwork.done.assign',
  due: 'planwork.done.due',
  comment: 'planwork.done.comment',
  evidence: 'planwork.done.evidence',
  removeEvidence: 'planwork.done.removeEvidence',
};
