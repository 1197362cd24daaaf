// "Công dân học tập": the citizen sees their progress for the year from their own learning record (hours and
// activities from the LRS, paths from the learning module), submits a self-assessment to the unit of their
// commune, and that unit's staff confirm the manual evidence and recognise it, issuing a signed credential.
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { staleVersion } from '../../lib/versions.server.ts';
import { accountById } from '../auth/index.server.ts';
import { credentialsPort } from '../credentials/index.server.ts';
import { learnersPort } from '../learners/index.server.ts';
import { pathCompletions } from '../learning/index.server.ts';
import { learningYear } from '../lrs/index.server.ts';
import type { Assessment } from './citizen.repository.server.ts';
import {
  type ReviewInput,
  ReviewSchema,
  SchemeSchema,
  type SubmitAssessmentInput,
  SubmitAssessmentSchema,
} from './citizen.schemas.server.ts';
import { DEFAULT_CRITERIA, DEFAULT_PASS_TOTAL, type Scheme, type Scoring, score } from './citizen.scheme.ts';

export type CitizenDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'config'>;

const actorId = (a: Actor) => (a.kind === 'user' ? a.userId : null);
const invalidInput = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) =>
  new AppError('citizen.invalid', 422, 'error.validation', {
    details: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
const notFound = () => new AppError('citizen.not_found', 404, 'error.notFound');

export async function schemeFor(deps: Pick<AppDeps, 'db' | 'repos'>, year: number): Promise<Scheme> {
  const s = await deps.repos.citizen.scheme(deps.db, year);
  return s
    ? { ...s, year, isDefault: false }
    : { criteria: DEFAULT_CRITERIA, passTotal: DEFAULT_PASS_TOTAL, year, isDefault: true, version: 1 };
}

/** Administrators set a year's criteria (validated: maxima sum to 100, min ≤ max, unique keys). */
export async function saveScheme(
  deps: CitizenDeps,
  actor: Actor,
  year: number,
  raw: unknown,
  /** The version the form was loaded with; absent (API, seeds): last writer wins. */
  expectedVersion?: number,
): Promise<void> {
  authorize(actor, 'citizen.scheme.edit');
  const parsed = SchemeSchema.safeParse(raw);
  if (!parsed.success || !Number.isInteger(year) || year < 2020 || year > 2100) {
    throw invalidInput(parsed.success ? [] : parsed.error.issues);
  }
  await deps.db.transaction(async (tx) => {
    const before = await deps.repos.citizen.scheme(tx, year, true);
    if (expectedVersion !== undefined && (before?.version ?? 1) !== expectedVersion)
      throw staleVersion('citizen.scheme');
    await deps.repos.citizen.saveScheme(
      tx,
      year,
      parsed.data.criteria,
      parsed.data.passTotal,
      actorId(actor),
    );
    await deps.audit.record(tx, actor, {
      action: 'citizen.scheme.update',
      entityType: 'citizen_scheme',
      entityId: String(year),
      before: before ? { criteria: before.criteria, passTotal: before.passTotal } : null,
      after: parsed.data,
    });
  });
}

/** Each criterion's value for the learner's year, read through the other modules' ports. */
export async function recordValues(
  deps: CitizenDeps,
  learnerId: string,
  scheme: Scheme,
): Promise<Record<string, number>> {
  const [year, completions] = await Promise.all([
    learningYear(deps, learnerId, scheme.year),
    pathCompletions(deps, [learnerId]),
  ]);
  const inYear = completions.filter((c) => yearInVietnam(new Date(c.completedAt)) === scheme.year);
  const out: Record<string, number> = {};
  for (const c of scheme.criteria) {
    if (c.source === 'hours') out[c.key] = Math.round(year.hours * 10) / 10;
    else if (c.source === 'activities') out[c.key] = year.activities;
    else if (c.source === 'paths') out[c.key] = inYear.length;
    else if (c.source === 'digitalPaths') {
      const ids = new Set(c.pathIds ?? []);
      out[c.key] = inYear.filter((p) => ids.has(p.pathId)).length;
    }
  }
  return out;
}

function signedIn(actor: Actor): Extract<Actor, { kind: 'user' }> {
  authorize(actor, 'citizen.assess.own');
  if (actor.kind !== 'user') throw new AppError('auth.required', 401, 'error.unauthenticated');
  return actor;
}

export interface Progress {
  scheme: Scheme;
  scoring: Scoring;
  assessment: Assessment | null;
}

/** The signed-in citizen's progress toward the title for the year (manual evidence counted once confirmed). */
export async function myProgress(deps: CitizenDeps, actor: Actor, year?: number): Promise<Progress> {
  const me = signedIn(actor);
  const scheme = await schemeFor(deps, year ?? yearInVietnam(deps.now()));
  const values = await recordValues(deps, me.userId, scheme);
  const assessment =
    (await deps.repos.citizen.ofLearners(deps.db, [me.userId])).find((a) => a.year === scheme.year) ?? null;
  return { scheme, scoring: score(scheme, values, assessment?.manualPoints ?? null), assessment };
}

/** Submits (or, until recognised, resubmits) the self-assessment for this year to a unit. */
export async function submitAssessment(
  deps: CitizenDeps,
  actor: Actor,
  raw: SubmitAssessmentInput,
): Promise<string> {
  const me = signedIn(actor);
  const parsed = SubmitAssessmentSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  const unit = await deps.repos.units.get(deps.db, input.unitId);
  if (!unit) throw new AppError('citizen.unit_unknown', 422, 'citizen.error.unitUnknown');
  const scheme = await schemeFor(deps, yearInVietnam(deps.now()));
  const values = await recordValues(deps, me.userId, scheme);
  const s = score(scheme, values, null);
  return deps.db.transaction(async (tx) => {
    const id = await deps.repos.citizen.upsert(tx, {
      learnerId: me.userId,
      year: scheme.year,
      unitId: unit.id,
      commune: input.commune,
      evidence: s.scores,
      manualEvidence: input.manualEvidence,
      total: s.total,
      submittedAt: deps.now(),
    });
    if (!id) throw new AppError('citizen.already_recognised', 409, 'citizen.error.alreadyRecognised');
    // Recorded under the account id only: the audit log outlives an erasure.
    await deps.audit.record(
      tx,
      { ...me, email: `user:${me.userId}` },
      {
        action: 'citizen.assessment.submit',
        entityType: 'citizen_assessment',
        entityId: id,
        unitId: unit.id,
        after: { year: scheme.year, total: s.total },
      },
    );
    return id;
  });
}

/** The citizen's name: their learner profile's display name, else their account's. */
async function nameOf(deps: CitizenDeps, learnerId: string): Promise<string> {
  const [p] = await learnersPort.profiles(deps, [learnerId]);
  return p?.displayName ?? (await accountById(deps, learnerId))?.name ?? '';
}

/** Units the actor reviews for. */
export async function reviewUnits(deps: CitizenDeps, actor: Actor) {
  return (await deps.repos.units.all(deps.db)).filter((u) => can(actor, 'citizen.review', { unitId: u.id }));
}

/** The assessments submitted to the actor's units for a year, with the citizens' display names. */
export async function reviewQueue(deps: CitizenDeps, actor: Actor, year: number) {
  if (actor.kind !== 'user') throw new AppError('auth.required', 401, 'error.unauthenticated');
  const units = await reviewUnits(deps, actor);
  if (!units.length) throw new AppError('auth.forbidden', 403, 'error.forbidden');
  const list = await deps.repos.citizen.forUnits(
    deps.db,
    units.map((u) => u.id),
    year,
  );
  const names = new Map(
    (
      await learnersPort.profiles(
        deps,
        list.map((a) => a.learnerId),
      )
    ).map((p) => [p.id, p.displayName]),
  );
  const out = [];
  for (const a of list) out.push({ ...a, name: names.get(a.learnerId) ?? (await nameOf(deps, a.learnerId)) });
  return out;
}

/**
 * A reviewer confirms the manual evidence (points) and recognises or rejects. Recognition needs a passing
 * score and issues the chosen achievement of the unit as a signed credential, once per citizen and year.
 */
export async function reviewAssessment(
  deps: CitizenDeps,
  actor: Actor,
  id: string,
  raw: ReviewInput,
): Promise<{ credentialId: string | null }> {
  const parsed = ReviewSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  const a = await deps.repos.citizen.get(deps.db, id);
  if (!a) throw notFound();
  authorize(actor, 'citizen.review', { unitId: a.unitId });
  if (a.status !== 'submitted') throw new AppError('citizen.closed', 409, 'citizen.error.closed');
  const scheme = await schemeFor(deps, a.year);
  const values = Object.fromEntries(a.evidence.map((e) => [e.key, e.value]));
  const manualMax = scheme.criteria.find((c) => c.source === 'manual')?.max ?? 0;
  const manualPoints = Math.max(0, Math.min(manualMax, Math.trunc(input.manualPoints) || 0));
  const s = score(scheme, values, manualPoints);
  if (input.decision === 'recognised' && !s.passed)
    throw new AppError('citizen.not_passed', 422, 'citizen.error.notPassed');
  const recipientName = await nameOf(deps, a.learnerId);
  return deps.db.transaction(async (tx) => {
    let credentialId: string | null = null;
    if (input.decision === 'recognised') {
      credentialId = await credentialsPort.issue(
        deps,
        tx,
        {
          achievementId: input.achievementId,
          unitId: a.unitId,
          learnerId: a.learnerId,
          recipientName,
          reason: `Công dân học tập ${a.year}: ${s.total}/100`,
          periodKey: `citizen:${a.year}`,
        },
        actorId(actor),
      );
      if (!credentialId)
        throw new AppError('citizen.achievement_invalid', 422, 'citizen.error.achievementInvalid');
    }
    const ok = await deps.repos.citizen.review(tx, id, {
      status: input.decision,
      manualPoints,
      total: s.total,
      evidence: s.scores,
      at: deps.now(),
      by: actorId(actor),
      note: input.note,
      credentialId,
    });
    if (!ok) throw new AppError('citizen.closed', 409, 'citizen.error.closed');
    await deps.audit.record(tx, actor, {
      action: `citizen.assessment.${input.decision}`,
      entityType: 'citizen_assessment',
      entityId: id,
      unitId: a.unitId,
      after: { total: s.total, manualPoints, credentialId },
    });
    return { credentialId };
  });
}
