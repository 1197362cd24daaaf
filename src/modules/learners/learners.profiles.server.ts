// Learner profiles and families: the account holder's own profile and the family members the account manages
// (children, elderly parents), each its own learner id. Editing is versioned; minors need consents before they
// can take part (learners.consent.server.ts).
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { AppError, notFound, unauthenticated } from '../../lib/errors.ts';
import { staleVersion } from '../../lib/versions.server.ts';
import { placesPort } from '../places/index.server.ts';
import { nextYoungest } from './learners.age.ts';
import { newId } from './learners.ids.server.ts';
import type { ProfileRow, ProfileValues } from './learners.repository.server.ts';
import { type ProfileInput, ProfileInputSchema } from './learners.schemas.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'now'>;

export const DEFAULT_DISPLAY_NAME = 'Bạn đọc';

export function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

export function invalid(issues: Array<{ path: PropertyKey[]; message: string }>): AppError {
  return new AppError('learners.profile_invalid', 422, 'error.validation', {
    details: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}

/** The account holder's own profile, created on first need (sign-up). */
export async function ensureSelfProfile(
  deps: Deps,
  userId: string,
  opts: { displayName: string | null },
): Promise<void> {
  await deps.repos.learners.insertProfile(deps.db, {
    id: userId,
    managerUserId: userId,
    relation: 'self',
    displayName: opts.displayName ?? DEFAULT_DISPLAY_NAME,
    birthYear: null,
    youngestBirthYear: null,
    commune: null,
    interests: [],
    preferredLanguage: 'vi',
  });
}

/** The profiles an account manages, its own first. */
export async function myProfiles(deps: Deps, actor: Actor): Promise<ProfileRow[]> {
  const user = requireUser(actor);
  const rows = await deps.repos.learners.managedBy(deps.db, user.userId);
  if (rows.some((r) => r.relation === 'self')) return rows;
  // Staff and older accounts have no profile yet: made on first visit.
  await ensureSelfProfile(deps, user.userId, { displayName: user.name });
  return deps.repos.learners.managedBy(deps.db, user.userId);
}

/** One profile the actor manages (404 for any other: another family's profiles are not even confirmed). */
export async function myProfile(deps: Deps, actor: Actor, learnerId: string): Promise<ProfileRow> {
  const user = requireUser(actor);
  const [row] = await deps.repos.learners.profiles(deps.db, [learnerId]);
  if (!row || row.managerUserId !== user.userId) throw notFound('learners.profile');
  return row;
}

/** Validated values for a profile save; the commune must be one the places data knows. */
export async function profileValues(
  deps: Deps,
  input: ProfileInput,
  previousYoungest: number | null,
): Promise<ProfileValues> {
  const parsed = ProfileInputSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const v = parsed.data;
  const year = yearInVietnam(deps.now());
  if (v.birthYear > year || v.birthYear < year - 130)
    throw invalid([{ path: ['birthYear'], message: 'birthYear' }]);
  const commune = v.commune ? v.commune : null;
  if (commune && !(await placesPort.communes(deps, deps.db)).includes(commune))
    throw invalid([{ path: ['commune'], message: 'commune' }]);
  return {
    displayName: v.displayName.normalize('NFC'),
    birthYear: v.birthYear,
    youngestBirthYear: nextYoungest(previousYoungest, v.birthYear),
    commune,
    interests: [...new Set(v.interests.map((i) => i.normalize('NFC')))],
    preferredLanguage: v.preferredLanguage,
  };
}

/**
 * Saves a profile the actor manages, based on `version` (a stale save → 409). The year of birth may change,
 * but the youngest year ever recorded stays what the consent rules use: an edit can never make a child older.
 */
export async function updateProfile(
  deps: Deps,
  actor: Actor,
  learnerId: string,
  input: ProfileInput,
  version: number,
): Promise<ProfileRow> {
  const user = requireUser(actor);
  const current = await myProfile(deps, actor, learnerId);
  const values = await profileValues(deps, input, current.youngestBirthYear);
  await deps.db.transaction(async (tx) => {
    const locked = await deps.repos.learners.lockProfile(tx, learnerId);
    if (!locked || locked.managerUserId !== user.userId) throw notFound('learners.profile');
    if (locked.version !== version) throw staleVersion('learners.profile');
    values.youngestBirthYear = nextYoungest(locked.youngestBirthYear, values.birthYear);
    await deps.repos.learners.updateProfile(tx, locked, values, user.userId, deps.now());
  });
  return myProfile(deps, actor, learnerId);
}

export async function profileHistory(deps: Deps, actor: Actor, learnerId: string) {
  await myProfile(deps, actor, learnerId);
  return deps.repos.learners.profileVersions(deps.db, learnerId);
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A new learner id for a family member; from `seed` (account + form token) the same id every time. */
export function newLearnerId(seed: string | null = null): string {
  if (seed === null) return newId('lrn');
  const bytes = createHash('sha256').update(`learners.family\u0000${seed}`).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += ID_ALPHABET[(bytes[i] as number) % 32];
  return `lrn_${out}`;
}
