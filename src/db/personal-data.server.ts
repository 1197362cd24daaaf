// Small helpers the modules' personal-data handlers share (issue 14): the subject's identifiers as SQL array
// parameters, and rows as plain JSON.
import { type SQL, sql } from 'drizzle-orm';
import type { PersonalDataSubject } from '../app/module.ts';

export const textList = (values: readonly string[]): SQL => sql`${sql.param([...values])}::text[]`;

/** Every user id the subject is known by: the account and the learner ids it manages. */
export function subjectUserIds(s: PersonalDataSubject): string[] {
  return [...new Set([...(s.userId ? [s.userId] : []), ...s.learnerIds])];
}

export const lowerEmails = (s: PersonalDataSubject): string[] => s.emails.map((e) => e.trim().toLowerCase());
