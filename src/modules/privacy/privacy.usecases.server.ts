// Data-subject rights (Law 91/2025/QH15): access/export across every module's personal-data handler (JSON and
// CSV), erasure that keeps anonymous aggregates, and requests tracked against deadlines in working days.
import type { AppDeps } from '../../app/deps.types.ts';
import type { PersonalDataSubject } from '../../app/module.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { accountById } from '../auth/index.server.ts';
import { currentLearner } from '../learners/index.server.ts';
import type { PrivacyRequest, RequestKind } from './privacy.repository.server.ts';
import { restrictionContacts, startRestriction } from './privacy.restrictions.server.ts';
import { addWorkingDays } from './privacy.workdays.ts';

export type PrivacyDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'config'>;

/** Reply (acknowledge and answer) within 2 working days; complete within 15; one extension of at most 15. */
export const REPLY_WORKING_DAYS = 2;
export const COMPLETE_WORKING_DAYS = 15;
export const EXTENSION_WORKING_DAYS = 15;

export type PersonalDataExport = Record<string, Record<string, unknown[]>>;

/** The handlers, read on first use: the registries import the module list, which imports this file. */
async function handlers() {
  return (await import('../../app/registries.server.ts')).personalDataHandlers;
}

/** Everything every module holds about the subject, by module and table. */
export async function exportPersonalData(
  deps: AppDeps,
  subject: PersonalDataSubject,
): Promise<PersonalDataExport> {
  const out: PersonalDataExport = {};
  for (const { module, handler } of await handlers())
    out[module] = await handler.export(deps, deps.db, subject);
  return out;
}

const csvCell = (v: unknown) => {
  const s =
    v === null || v === undefined
      ? ''
      : v instanceof Date
        ? v.toISOString()
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  // Cells starting like a formula are prefixed so a spreadsheet shows them as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The export as one CSV: a `module,table` header line before each table's own header and rows. */
export function exportToCsv(data: PersonalDataExport): string {
  const lines: string[] = [];
  for (const [module, tables] of Object.entries(data)) {
    for (const [table, rows] of Object.entries(tables)) {
      if (!rows.length) continue;
      lines.push(`# ${module},${table}`);
      const cols = [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
      lines.push(cols.map(csvCell).join(','));
      for (const r of rows) lines.push(cols.map((c) => csvCell((r as Record<string, unknown>)[c])).join(','));
      lines.push('');
    }
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

/** Erases the subject in every module, in one transaction. */
export async function erasePersonalData(deps: AppDeps, subject: PersonalDataSubject): Promise<void> {
  await deps.db.transaction((tx) => eraseSubjectIn(deps, tx, subject));
}

/**
 * The one deletion path: every module's handler erases or pseudonymises the subject in the caller's
 * transaction (a deletion request, and the retention of inactive accounts).
 */
export async function eraseSubjectIn(deps: AppDeps, tx: Db, subject: PersonalDataSubject): Promise<void> {
  for (const { handler } of await handlers()) await handler.erase(deps, tx, subject);
}

/** An account holder as a deletion erases them: the account, its own learner id and its e-mail address. */
export async function accountSubject(
  deps: Pick<AppDeps, 'repos'>,
  userId: string,
): Promise<PersonalDataSubject> {
  return subjectForAccount(userId, (await accountById(deps, userId))?.email ?? null);
}

export const subjectForAccount = (userId: string, email: string | null): PersonalDataSubject => ({
  userId,
  learnerIds: [userId],
  emails: email ? [email] : [],
  phones: [],
});

/** The signed-in account holder as a data subject (their own learner id and verified e-mail). */
export async function subjectOf(deps: PrivacyDeps, actor: Actor): Promise<PersonalDataSubject> {
  if (actor.kind !== 'user') throw new AppError('auth.required', 401, 'error.unauthenticated');
  const me = await currentLearner(actor);
  const account = await accountById(deps, actor.userId);
  return {
    userId: actor.userId,
    learnerIds: me ? [me.id] : [actor.userId],
    emails: account ? [account.email] : [],
    phones: [],
  };
}

export async function deadlines(deps: PrivacyDeps, receivedAt: Date) {
  const today = isoDateInVietnam(receivedAt);
  const horizon = `${Number(today.slice(0, 4)) + 1}-12-31`;
  const holidays = await deps.repos.privacy.holidays(deps.db, today, horizon);
  return {
    replyDue: addWorkingDays(today, REPLY_WORKING_DAYS, holidays),
    completeDue: addWorkingDays(today, COMPLETE_WORKING_DAYS, holidays),
  };
}

/** A request from the account page: recorded and acknowledged at once with its deadlines. */
export async function submitRequest(
  deps: PrivacyDeps,
  actor: Actor,
  input: { kind: RequestKind; details: string },
): Promise<PrivacyRequest> {
  authorize(actor, 'privacy.request.own');
  if (actor.kind !== 'user') throw new AppError('auth.required', 401, 'error.unauthenticated');
  const receivedAt = deps.now();
  const due = await deadlines(deps, receivedAt);
  return deps.db.transaction(async (tx) => {
    const id = await deps.repos.privacy.insert(tx, {
      kind: input.kind,
      userId: actor.userId,
      channel: 'account',
      details: input.details,
      receivedAt,
      ...due,
    });
    // The append-only audit log must not keep a citizen's e-mail past an erasure: their own request is
    // recorded under their account id only.
    const byId: Actor = { ...actor, email: `user:${actor.userId}` };
    await deps.audit.record(tx, byId, {
      action: 'privacy.request.create',
      entityType: 'privacy_request',
      entityId: id,
      after: { kind: input.kind, ...due },
    });
    return (await deps.repos.privacy.get(tx, id))!;
  });
}

export async function myRequests(deps: PrivacyDeps, actor: Actor): Promise<PrivacyRequest[]> {
  if (actor.kind !== 'user') return [];
  return deps.repos.privacy.ofUser(deps.db, actor.userId);
}

export async function openRequests(deps: PrivacyDeps, actor: Actor): Promise<PrivacyRequest[]> {
  authorize(actor, 'privacy.request.handle');
  return deps.repos.privacy.open(deps.db);
}

/** One extension of at most 15 working days past the current completion deadline. */
export async function extendRequest(deps: PrivacyDeps, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'privacy.request.handle');
  const r = await deps.repos.privacy.get(deps.db, id);
  if (!r) throw new AppError('privacy.not_found', 404, 'error.notFound');
  const holidays = await deps.repos.privacy.holidays(
    deps.db,
    r.completeDue,
    `${Number(r.completeDue.slice(0, 4)) + 1}-12-31`,
  );
  const due = addWorkingDays(r.completeDue, EXTENSION_WORKING_DAYS, holidays);
  await deps.db.transaction(async (tx) => {
    if (!(await deps.repos.privacy.extend(tx, id, due))) {
      throw new AppError('privacy.already_extended', 409, 'privacy.error.alreadyExtended');
    }
    await deps.audit.record(tx, actor, {
      action: 'privacy.request.extend',
      entityType: 'privacy_request',
      entityId: id,
      after: { completeDue: due },
    });
  });
}

/**
 * Completes a request. A deletion request erases the account holder's data in every module first (the
 * request row keeps only the account id, which now points to a pseudonymised account).
 */
export async function completeRequest(
  deps: AppDeps,
  actor: Actor,
  id: string,
  outcome: { status: 'done' | 'rejected'; note: string },
): Promise<void> {
  authorize(actor, 'privacy.request.handle');
  const r = await deps.repos.privacy.get(deps.db, id);
  if (!r) throw new AppError('privacy.not_found', 404, 'error.notFound');
  if (r.status !== 'received') throw new AppError('privacy.closed', 409, 'privacy.error.closed');
  const guest = guestSubject(r);
  if (outcome.status === 'done' && r.kind === 'deletion') {
    if (r.userId) await erasePersonalData(deps, await accountSubject(deps, r.userId));
    else if (guest) await erasePersonalData(deps, guest);
  }
  const restricted = outcome.status === 'done' ? await restrictionContacts(deps, r) : [];
  await deps.db.transaction(async (tx) => {
    if (outcome.status === 'done' && r.kind === 'deletion' && guest)
      await deps.repos.privacy.eraseContact(tx, id);
    await deps.repos.privacy.complete(
      tx,
      id,
      outcome.status,
      deps.now(),
      actor.kind === 'user' ? actor.userId : null,
      outcome.note,
    );
    if (outcome.status === 'done') await startRestriction(deps, tx, actor, r, restricted);
    await deps.audit.record(tx, actor, {
      action: 'privacy.request.complete',
      entityType: 'privacy_request',
      entityId: id,
      after: { status: outcome.status, kind: r.kind },
    });
  });
}

/** The data subject a guest request is about: only the contact it verified. */
export function guestSubject(r: Pick<PrivacyRequest, 'contact' | 'userId'>): PersonalDataSubject | null {
  const c = r.contact;
  if (r.userId || !c || c === '[erased]') return null;
  return c.includes('@')
    ? { userId: null, learnerIds: [], emails: [c], phones: [] }
    : { userId: null, learnerIds: [], emails: [], phones: [c] };
}

/** Staff answering a guest's access request: everything held about the verified contact. */
export async function exportForRequest(deps: AppDeps, actor: Actor, id: string): Promise<PersonalDataExport> {
  authorize(actor, 'privacy.request.handle');
  const r = await deps.repos.privacy.get(deps.db, id);
  const subject = r ? guestSubject(r) : null;
  if (!subject) throw new AppError('privacy.not_found', 404, 'error.notFound');
  return exportPersonalData(deps, subject);
}
