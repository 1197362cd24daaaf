// Credentials use cases: define achievements, award them (by hand with a reason, or by rule), sign each award
// as an Open Badges 3.0 credential with the issuing unit's key, revoke, hide, rotate keys.
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import { staleVersion } from '../../lib/versions.server.ts';
import { accountsPort } from '../auth/index.server.ts';
import { pathById } from '../learning/index.server.ts';
import { openBadgeCredential, verificationMethodId } from './credentials.document.server.ts';
import { newId } from './credentials.ids.server.ts';
import { rotateKey, signingKey } from './credentials.keys.server.ts';
import { addProof } from './credentials.proof.server.ts';
import type { Achievement, Award } from './credentials.repository.server.ts';
import type { AwardRule } from './credentials.rules.ts';
import {
  type AchievementInput,
  AchievementInputSchema,
  type AwardRuleUpdate,
  AwardRuleUpdateSchema,
  type ManualAwardInput,
  ManualAwardSchema,
  RevokeSchema,
} from './credentials.schemas.server.ts';

export type CredentialDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'config'>;

const notFound = () => new AppError('credentials.not_found', 404, 'error.notFound');
const actorId = (a: Actor) => (a.kind === 'user' ? a.userId : null);

async function unitOf(deps: Pick<AppDeps, 'repos'>, db: Db, unitId: string) {
  const unit = await deps.repos.units.get(db, unitId);
  if (!unit) throw new AppError('credentials.unit_not_found', 422, 'credentials.error.unitNotFound');
  return { id: unit.id, name: unit.name };
}

export async function createAchievement(
  deps: CredentialDeps,
  actor: Actor,
  raw: AchievementInput,
): Promise<string> {
  const input = AchievementInputSchema.parse(raw);
  authorize(actor, 'credentials.achievement.create', { unitId: input.unitId });
  await checkRuleTarget(deps, actor, input.awardRule);
  return deps.db.transaction(async (tx) => {
    await unitOf(deps, tx, input.unitId);
    const id = await deps.repos.credentials.insertAchievement(tx, { ...input, createdBy: actorId(actor) });
    await deps.audit.record(tx, actor, {
      action: 'credentials.achievement.create',
      entityType: 'achievement',
      entityId: id,
      unitId: input.unitId,
      after: input,
    });
    return id;
  });
}

/** A `path_completed` rule names a path of a unit the actor may act for (else: unknown path, nothing said). */
async function checkRuleTarget(deps: Pick<AppDeps, 'db' | 'repos'>, actor: Actor, rule: AwardRule | null) {
  if (rule?.kind !== 'path_completed') return;
  const path = await pathById(deps, rule.ref);
  if (!path || !can(actor, 'credentials.achievement.update', { unitId: path.unitId }))
    throw new AppError('credentials.path_not_found', 422, 'credentials.invalid.rulePathUnknown');
}

/** Staff set or change an achievement's automatic award rule (null: manual award only), version-checked. */
export async function updateAwardRule(
  deps: CredentialDeps,
  actor: Actor,
  id: string,
  raw: AwardRuleUpdate,
): Promise<void> {
  const input = AwardRuleUpdateSchema.parse(raw);
  const a = await deps.repos.credentials.achievement(deps.db, id);
  if (!a) throw notFound();
  authorize(actor, 'credentials.achievement.update', { unitId: a.unitId });
  await checkRuleTarget(deps, actor, input.awardRule);
  await deps.db.transaction(async (tx) => {
    if (!(await deps.repos.credentials.updateRule(tx, id, input.awardRule, input.version)))
      throw staleVersion('credentials.achievement');
    await deps.audit.record(tx, actor, {
      action: 'credentials.achievement.update',
      entityType: 'achievement',
      entityId: id,
      unitId: a.unitId,
      before: { awardRule: a.awardRule, version: a.version },
      after: { awardRule: input.awardRule, version: input.version + 1 },
    });
  });
}

export async function listAchievements(
  deps: CredentialDeps,
  actor: Actor,
  unitIds: readonly string[] | null,
) {
  const all = await deps.repos.credentials.achievements(deps.db, unitIds);
  return all.filter((a) => {
    try {
      authorize(actor, 'credentials.achievement.read', { unitId: a.unitId });
      return true;
    } catch {
      return false;
    }
  });
}

export async function getAchievement(deps: CredentialDeps, actor: Actor, id: string) {
  const a = await deps.repos.credentials.achievement(deps.db, id);
  if (!a) throw notFound();
  authorize(actor, 'credentials.achievement.read', { unitId: a.unitId });
  return { achievement: a, awards: await deps.repos.credentials.awardsOfAchievement(deps.db, id) };
}

function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/**
 * Signs and stores one award, in the caller's transaction. Null when the learner already holds this
 * achievement for the period (a rule evaluated twice awards once).
 */
export async function issueAward(
  deps: Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>,
  tx: Db,
  a: Achievement,
  award: {
    learnerId: string;
    recipientName: string;
    source: 'manual' | 'rule';
    reason: string | null;
    periodKey: string;
  },
  by: string | null,
): Promise<string | null> {
  const unit = await unitOf(deps, tx, a.unitId);
  const { id: keyId, key } = await signingKey(deps, tx, a.unitId);
  const id = newId('cred');
  const issuedAt = deps.now();
  const validUntil = a.validityMonths ? addMonths(issuedAt, a.validityMonths) : null;
  const statusIndex = await deps.repos.credentials.nextStatusIndex(tx);
  const base = deps.config.publicUrl;
  const unsigned = openBadgeCredential({
    base,
    awardId: id,
    unit,
    achievement: a,
    recipientName: award.recipientName,
    issuedAt,
    validUntil,
    statusIndex,
  });
  const document = await addProof(unsigned, key, {
    verificationMethod: verificationMethodId(base, a.unitId, keyId),
    created: issuedAt,
  });
  return deps.repos.credentials.insertAward(tx, {
    id,
    achievementId: a.id,
    unitId: a.unitId,
    learnerId: award.learnerId,
    recipientName: award.recipientName,
    source: award.source,
    reason: award.reason,
    periodKey: award.periodKey,
    document,
    issuedAt,
    validUntil,
    awardedBy: by,
  });
}

/** Staff award an achievement to a person's account, with the reason recorded. */
export async function awardManually(
  deps: CredentialDeps,
  actor: Actor,
  raw: ManualAwardInput,
): Promise<string> {
  const input = ManualAwardSchema.parse(raw);
  const a = await deps.repos.credentials.achievement(deps.db, input.achievementId);
  if (!a) throw notFound();
  authorize(actor, 'credentials.award.create', { unitId: a.unitId });
  if (a.status !== 'active') throw new AppError('credentials.archived', 409, 'credentials.error.archived');
  const account = await accountsPort.byEmail(deps, input.recipientEmail);
  if (!account)
    throw new AppError('credentials.recipient_unknown', 422, 'credentials.error.recipientUnknown');
  return deps.db.transaction(async (tx) => {
    const id = newId('cred');
    const awarded = await issueAward(
      deps,
      tx,
      a,
      {
        learnerId: account.userId,
        recipientName: account.name,
        source: 'manual',
        reason: input.reason,
        periodKey: id,
      },
      actorId(actor),
    );
    if (!awarded) throw new AppError('credentials.duplicate', 409, 'credentials.error.duplicate');
    await deps.audit.record(tx, actor, {
      action: 'credentials.award.create',
      entityType: 'credential',
      entityId: awarded,
      unitId: a.unitId,
      after: { achievementId: a.id, learnerId: account.userId, reason: input.reason },
    });
    return awarded;
  });
}

export async function revokeAward(
  deps: CredentialDeps,
  actor: Actor,
  awardId: string,
  raw: { reason: string },
) {
  const { reason } = RevokeSchema.parse(raw);
  const award = await deps.repos.credentials.award(deps.db, awardId);
  if (!award) throw notFound();
  authorize(actor, 'credentials.award.revoke', { unitId: award.unitId });
  await deps.db.transaction(async (tx) => {
    if (!(await deps.repos.credentials.revoke(tx, awardId, deps.now(), reason, actorId(actor)))) {
      throw new AppError('credentials.already_revoked', 409, 'credentials.error.alreadyRevoked');
    }
    await deps.audit.record(tx, actor, {
      action: 'credentials.award.revoke',
      entityType: 'credential',
      entityId: awardId,
      unitId: award.unitId,
      after: { reason },
    });
  });
}

export async function rotateUnitKey(deps: CredentialDeps, actor: Actor, unitId: string): Promise<string> {
  authorize(actor, 'credentials.key.rotate', { unitId });
  return deps.db.transaction(async (tx) => {
    await unitOf(deps, tx, unitId);
    const keyId = await rotateKey(deps, tx, unitId);
    await deps.audit.record(tx, actor, {
      action: 'credentials.key.rotate',
      entityType: 'credential_issuer_key',
      entityId: keyId,
      unitId,
    });
    return keyId;
  });
}

/** The learner's own credentials (the account holder's, or the family member they act as). */
export async function myCredentials(deps: CredentialDeps, learnerIds: readonly string[]): Promise<Award[]> {
  return deps.repos.credentials.awardsOf(deps.db, learnerIds);
}

export async function setHidden(
  deps: CredentialDeps,
  actor: Actor,
  learnerIds: readonly string[],
  awardId: string,
  hidden: boolean,
): Promise<void> {
  authorize(actor, 'credentials.own.manage');
  if (!(await deps.repos.credentials.setHidden(deps.db, awardId, learnerIds, hidden))) throw notFound();
}
