// Reads the add/edit task form into the use case's input shape, keeping the raw values to refill the form.
import type { FieldMessages } from '../ui/actor.ts';
import type { TaskFormValues } from './components/TaskForm.tsx';

/** A stored task as the edit form shows it (also the "saved now" side after a stale save). */
export function taskFormValues(task: {
  content: string;
  product: string;
  leadUnits: ReadonlyArray<{ id: string }>;
  coordinatingUnits: ReadonlyArray<{ id: string }>;
  time: { kind: string; from?: number; to?: number; year?: number };
}): Omit<TaskFormValues, 'lead' | 'coordinating'> & { lead: string[]; coordinating: string[] } {
  const { time } = task;
  const from = time.kind === 'range' ? time.from : time.kind === 'year' ? time.year : undefined;
  const to = time.kind === 'range' ? time.to : time.kind === 'year' ? time.year : undefined;
  return {
    content: task.content,
    product: task.product,
    lead: task.leadUnits.map((u) => u.id),
    coordinating: task.coordinatingUnits.map((u) => u.id),
    yearly: time.kind === 'yearly',
    timeFrom: from === undefined ? '' : String(from),
    timeTo: to === undefined ? '' : String(to),
    reason: '',
  };
}

export function readTaskForm(form: FormData): { input: Record<string, unknown>; values: TaskFormValues } {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' ? v : '';
  };
  const list = (k: string) => form.getAll(k).filter((v): v is string => typeof v === 'string');
  const values: TaskFormValues = {
    phase: text('phase'),
    section: text('section'),
    content: text('content'),
    product: text('product'),
    lead: list('lead'),
    coordinating: list('coordinating'),
    yearly: text('yearly') === '1',
    timeFrom: text('timeFrom'),
    timeTo: text('timeTo'),
    reason: text('reason'),
  };
  const input: Record<string, unknown> = {
    content: values.content,
    product: values.product,
    leadUnitIds: values.lead,
    coordinatingUnitIds: values.coordinating,
    yearly: values.yearly,
    ...(values.timeFrom ? { timeFrom: values.timeFrom } : {}),
    ...(values.timeTo ? { timeTo: values.timeTo } : {}),
    reason: values.reason,
  };
  return { input, values };
}

export const TASK_MESSAGES: FieldMessages = {
  phase: { field: 'task-phase', key: 'error.validation' },
  section: { field: 'task-section', key: 'error.validation' },
  content: { field: 'task-content', key: 'planwork.task.invalid.content' },
  product: { field: 'task-product', key: 'planwork.task.invalid.product' },
  leadUnitIds: { field: 'task-lead', key: 'planwork.task.invalid.lead' },
  coordinatingUnitIds: { field: 'task-coordinating', key: 'planwork.task.invalid.units' },
  timeFrom: { field: 'task-time', key: 'planwork.task.invalid.time' },
  timeTo: { field: 'task-time', key: 'planwork.task.invalid.time' },
  reason: { field: 'task-reason', key: 'planwork.task.invalid.reason' },
};
