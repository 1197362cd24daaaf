// The privacy module's public surface: the consent ledger every module writes to when a person gives or
// withdraws a consent (Law 91/2025/QH15: verifiable proof, the notice's exact wording, never pre-ticked), and
// reads to know whether a purpose is currently consented to.
import { createHash, createHmac } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { learnersPort } from '../learners/index.server.ts';
import type { ConsentAction, ConsentChannel, ConsentEntry } from './privacy.consents.repository.server.ts';

export type { ConsentAction, ConsentChannel, ConsentEntry } from './privacy.consents.repository.server.ts';

/** `config` is needed only to hash a guest's contact. */
type Deps = Pick<AppDeps, 'repos' | 'now'> & Partial<Pick<AppDeps, 'config'>>;

/** A notice's version: the first 12 hex digits of the SHA-256 of its exact text (a new wording, a new version). */
export const noticeVersion = (text: string) =>
  `sha256:${createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 12)}`;

/** A guest's contact (normalised e-mail or national phone) as the ledger keeps it: never in clear. */
export const contactHash = (deps: Pick<AppDeps, 'config'>, contact: string) =>
  createHmac('sha256', deps.config.sessionSecret)
    .update(`privacy.contact\u0000${contact.trim().toLowerCase()}`)
    .digest('base64url');

export interface ConsentRecord {
  purpose: string;
  action: ConsentAction;
  /** The learner it is about (a child for a guardian's consent), or … */
  learnerId?: string | null;
  /** … a guest's contact (hashed before it is stored). */
  contact?: string | null;
  actorUserId: string | null;
  subjectRef?: string | null;
  /** The notice exactly as shown (its version is derived from it and the text kept once). */
  noticeText: string;
  channel: ConsentChannel;
  /** When it was given or withdrawn, when recorded later (a queued job); now by default. */
  at?: Date;
}

export const consentLedger = {
  /** Appends one entry in the caller's transaction. */
  async record(deps: Deps, tx: Db, r: ConsentRecord): Promise<string> {
    const version = noticeVersion(r.noticeText);
    const config = deps.config;
    if (r.contact && !config)
      throw new Error('consentLedger.record: a contact needs deps.config to be hashed');
    await deps.repos.consents.saveNotice(tx, r.purpose, version, r.noticeText);
    return deps.repos.consents.append(tx, {
      purpose: r.purpose,
      action: r.action,
      learnerId: r.learnerId ?? null,
      contactHash: r.contact && config ? contactHash({ config }, r.contact) : null,
      actorUserId: r.actorUserId,
      subjectRef: r.subjectRef ?? null,
      noticeVersion: version,
      channel: r.channel,
      at: r.at ?? deps.now(),
    });
  },
  history: (
    deps: Pick<AppDeps, 'repos' | 'db'>,
    learnerIds: readonly string[],
    contactHashes: readonly string[] = [],
  ) => deps.repos.consents.history(deps.db, learnerIds, contactHashes),
};

/** The latest entry per (learner or contact, purpose, subject): what is consented to now. */
export function currentConsents<T extends ConsentEntry>(history: readonly T[]): T[] {
  const last = new Map<string, T>();
  for (const e of history) last.set(`${e.learnerId ?? e.contactHash}|${e.purpose}|${e.subjectRef ?? ''}`, e);
  return [...last.values()];
}

/** A person as another module knows them: an account id, and/or the e-mail or phone they gave. */
export interface ProcessingSubject {
  userId?: string | null;
  email?: string | null;
  /** National (0912345678) or E.164 (+84912345678). */
  phone?: string | null;
}

/** The contact forms a guest verifies with: e-mail, or the phone in E.164. */
export const subjectContacts = (p: ProcessingSubject): string[] => [
  ...(p.email && !p.email.endsWith('.invalid') ? [p.email] : []),
  ...(p.phone ? [p.phone.startsWith('0') ? `+84${p.phone.slice(1)}` : p.phone] : []),
];

/**
 * Restriction and objection (Law 91/2025/QH15): while one accepted for a person is in force, modules switch
 * off non-essential processing of them (reminders, marketing notifications, feedback invitations, public
 * lists). One query for a whole batch; the answer is a predicate.
 */
export const processingRestrictions = {
  async check(
    deps: Pick<AppDeps, 'repos' | 'db' | 'config'>,
    people: readonly ProcessingSubject[],
  ): Promise<(p: ProcessingSubject) => boolean> {
    const userIds = [...new Set(people.flatMap((p) => (p.userId ? [p.userId] : [])))];
    const hashes = [...new Set(people.flatMap((p) => subjectContacts(p).map((c) => contactHash(deps, c))))];
    const hit = await deps.repos.restrictions.matching(deps.db, userIds, hashes);
    const users = new Set(hit.userIds);
    const contacts = new Set(hit.hashes);
    return (p) =>
      (!!p.userId && users.has(p.userId)) ||
      subjectContacts(p).some((c) => contacts.has(contactHash(deps, c)));
  },
  /**
   * The learner ids a restriction or objection in force covers: each restricted account's own id and the
   * family members it manages (their representative asked). Public lists (leaderboards) and learning analytics
   * leave them out. Restrictions in force are few: one query, plus one per restricted account.
   */
  async learnerIds(deps: Pick<AppDeps, 'repos' | 'db' | 'now'>): Promise<Set<string>> {
    const out = new Set<string>();
    for (const r of await deps.repos.restrictions.active(deps.db)) {
      if (!r.userId) continue;
      out.add(r.userId);
      for (const p of await learnersPort.managedBy(deps, r.userId)) out.add(p.id);
    }
    return out;
  },
};

/** The consent purpose of learning analytics (streaks, the yearly goal's progress, insights on the record). */
export const LEARNING_ANALYTICS = 'lrs.analytics';

/**
 * Whether this learner's record may be analysed (streaks, goal progress). Opt-in (ADR 0015, Law 91/2025/QH15:
 * silence is not consent): only once the person has given the learning-analytics consent (its latest ledger
 * entry is `given`), and not while a restriction or objection covers them. Someone who never chose is
 * `notGiven`; someone who turned it off is `withdrawn`.
 */
export async function learningAnalyticsAllowed(
  deps: Pick<AppDeps, 'repos' | 'db' | 'now'>,
  learnerId: string,
): Promise<{ allowed: boolean; reason: 'restricted' | 'withdrawn' | 'notGiven' | null }> {
  if ((await processingRestrictions.learnerIds(deps)).has(learnerId))
    return { allowed: false, reason: 'restricted' };
  const last = currentConsents(await consentLedger.history(deps, [learnerId])).find(
    (e) => e.purpose === LEARNING_ANALYTICS && e.learnerId === learnerId,
  );
  if (last?.action === 'given') return { allowed: true, reason: null };
  return { allowed: false, reason: last?.action === 'withdrawn' ? 'withdrawn' : 'notGiven' };
}
