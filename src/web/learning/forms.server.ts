// Form handling for the learning pages: posted fields → the use cases' input shapes (validated by the same
// Zod schemas), and invalid paths → translated, field-linked messages.
import type { FieldMessages } from '../ui/actor.ts';
import { formDay } from '../ui/form-values.server.ts';
import { formText } from '../ui/forms.ts';

const int = (raw: string) => (/^\s*\d{1,7}\s*$/.test(raw) ? Number(raw) : raw === '' ? undefined : raw);
const opt = (raw: string) => (raw.trim() === '' ? undefined : raw);

export const PATH_FIELDS = ['unitId', 'title', 'summary', 'completionRule'] as const;
export type PathFormValues = Record<(typeof PATH_FIELDS)[number], string>;

export function readPathForm(form: FormData) {
  const values = Object.fromEntries(PATH_FIELDS.map((f) => [f, formText(form, f)])) as PathFormValues;
  return { values, input: { ...values, completionRule: values.completionRule || 'all_steps' } };
}

export const PATH_MESSAGES: FieldMessages = {
  unitId: { field: 'path-unit', key: 'learning.invalid.unit' },
  title: { field: 'path-title', key: 'learning.invalid.title' },
  summary: { field: 'path-summary', key: 'learning.invalid.text' },
  completionRule: { field: 'path-rule', key: 'learning.invalid.rule' },
  version: { field: 'path-title', key: 'error.versionConflict' },
};

export const STEP_FIELDS = [
  'kind',
  'title',
  'body',
  'url',
  'refId',
  'quizText',
  'passMark',
  'maxAttempts',
] as const;
export type StepFormValues = Record<(typeof STEP_FIELDS)[number] | 'required', string>;

export function readStepForm(form: FormData, version: number) {
  const values = Object.fromEntries(STEP_FIELDS.map((f) => [f, formText(form, f)])) as StepFormValues;
  values.required = formText(form, 'required');
  const input = {
    kind: values.kind,
    title: values.title,
    body: values.body,
    url: opt(values.url),
    refId: opt(values.refId),
    required: values.required === 'on',
    quizText: opt(values.quizText),
    passMark: int(values.passMark),
    maxAttempts: int(values.maxAttempts),
    version,
  };
  return { values, input };
}

export const STEP_MESSAGES: FieldMessages = {
  kind: { field: 'step-kind', key: 'learning.invalid.kind' },
  title: { field: 'step-title', key: 'learning.invalid.title' },
  body: { field: 'step-body', key: 'learning.invalid.text' },
  url: { field: 'step-url', key: 'learning.error.step.url' },
  refId: { field: 'step-ref', key: 'learning.error.step.refId' },
  quizText: { field: 'step-quiz', key: 'learning.invalid.text' },
  passMark: { field: 'step-pass', key: 'learning.invalid.passMark' },
  maxAttempts: { field: 'step-attempts', key: 'learning.invalid.maxAttempts' },
};

/** Which step field a use-case failure belongs to. */
export function stepErrorField(key: string): string {
  if (key.startsWith('learning.error.quiz.')) return 'step-quiz';
  const m = /^learning\.error\.step\.(\w+)$/.exec(key);
  const field = m?.[1];
  return field === 'url'
    ? 'step-url'
    : field === 'refId'
      ? 'step-ref'
      : field === 'body'
        ? 'step-body'
        : 'step-title';
}

export const CHALLENGE_FIELDS = [
  'unitId',
  'title',
  'description',
  'startsOn',
  'endsOn',
  'goalKind',
  'goal',
  'groupKind',
] as const;
export type ChallengeFormValues = Record<(typeof CHALLENGE_FIELDS)[number], string>;

export function readChallengeForm(form: FormData) {
  const values = Object.fromEntries(
    CHALLENGE_FIELDS.map((f) => [f, formText(form, f)]),
  ) as ChallengeFormValues;
  return {
    values,
    input: {
      unitId: values.unitId,
      title: values.title,
      description: values.description,
      startsOn: formDay(values.startsOn) ?? '',
      endsOn: formDay(values.endsOn) ?? '',
      goalKind: values.goalKind,
      goal: int(values.goal) ?? '',
      groupKind: values.groupKind === '' ? null : values.groupKind,
    },
  };
}

export const CHALLENGE_MESSAGES: FieldMessages = {
  unitId: { field: 'challenge-unit', key: 'learning.invalid.unit' },
  title: { field: 'challenge-title', key: 'learning.invalid.title' },
  description: { field: 'challenge-description', key: 'learning.invalid.text' },
  startsOn: { field: 'challenge-starts', key: 'learning.invalid.day' },
  endsOn: { field: 'challenge-ends', key: 'learning.invalid.endsOn' },
  goalKind: { field: 'challenge-goal-kind', key: 'learning.invalid.goalKind' },
  goal: { field: 'challenge-goal', key: 'learning.invalid.goal' },
  groupKind: { field: 'challenge-group-kind', key: 'learning.invalid.groupKind' },
  version: { field: 'challenge-title', key: 'error.versionConflict' },
};

export function readJoinForm(form: FormData) {
  const values = {
    groupName: formText(form, 'groupName'),
    leaderboardOptIn: formText(form, 'leaderboardOptIn'),
  };
  return {
    values,
    input: { groupName: opt(values.groupName), leaderboardOptIn: values.leaderboardOptIn === 'on' },
  };
}

export const JOIN_MESSAGES: FieldMessages = {
  groupName: { field: 'join-group', key: 'learning.error.groupRequired' },
};

export function readEntryForm(form: FormData) {
  const values = {
    recordId: formText(form, 'recordId'),
    title: formText(form, 'title'),
    minutes: formText(form, 'minutes'),
    readOn: formText(form, 'readOn'),
  };
  // A catalogue record's link or id typed or pasted in the title field counts as that record.
  const record = /(?:^|\/)(rec_[a-z0-9]{16})(?:$|[/?#])/.exec(values.title.trim())?.[1];
  return {
    values,
    input: {
      recordId: record ?? opt(values.recordId),
      title: record ? undefined : opt(values.title),
      minutes: int(values.minutes) ?? 0,
      readOn: formDay(values.readOn) ?? '',
    },
  };
}

export const ENTRY_MESSAGES: FieldMessages = {
  recordId: { field: 'entry-title', key: 'learning.error.recordUnknown' },
  title: { field: 'entry-title', key: 'learning.invalid.entryTitle' },
  minutes: { field: 'entry-minutes', key: 'learning.invalid.minutes' },
  readOn: { field: 'entry-day', key: 'learning.invalid.day' },
};

/** Quiz answers as posted: every field named like a question id (`q1`, `q12`), each with its chosen options. */
export function readQuizAnswers(form: FormData): Record<string, string[]> {
  const answers: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) {
    if (!/^q\d{1,3}$/.test(name) || typeof value !== 'string') continue;
    const list = answers[name] ?? [];
    list.push(value.slice(0, 20));
    answers[name] = list;
  }
  return answers;
}
