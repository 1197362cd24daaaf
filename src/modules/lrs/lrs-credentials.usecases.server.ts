// Client credentials for the LRS: administrators issue one per institution or tool (the secret is shown once
// and stored as SHA-256 — it is 32 random bytes, so a slow hash adds nothing), list and revoke them; every
// issue and revocation is audited. `authenticateClient` reads an HTTP Basic header on /xapi.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from './lrs.ids.server.ts';
import type { LrsCredential } from './lrs-credentials.repository.server.ts';
import type { Authority } from './lrs-statements.usecases.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'now' | 'config' | 'audit'>;

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function authorityOf(
  deps: Pick<AppDeps, 'config'>,
  c: Pick<LrsCredential, 'key' | 'name'>,
): Authority['agent'] {
  return {
    objectType: 'Agent',
    name: c.name,
    account: { homePage: `${deps.config.publicUrl}/xapi/clients`, name: c.key },
  };
}

export async function issueCredential(
  deps: Deps,
  actor: Actor,
  input: { name: string; unitId: string },
): Promise<{ id: string; key: string; secret: string }> {
  authorize(actor, 'lrs.credential.manage', { unitId: input.unitId });
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200)
    throw new AppError('lrs.credential.name', 422, 'lrs.error.credentialName');
  const id = newId('lrc');
  const key = `lrs_${randomBytes(12).toString('base64url')}`;
  const secret = randomBytes(32).toString('base64url');
  await deps.db.transaction(async (tx) => {
    await deps.repos.lrsCredentials.insert(tx, {
      id,
      key,
      secretHash: hash(secret),
      name,
      unitId: input.unitId,
      createdBy: actor.kind === 'user' ? actor.userId : null,
    });
    await deps.audit.record(tx, actor, {
      action: 'lrs.credential.issue',
      entityType: 'lrs_credential',
      entityId: id,
      unitId: input.unitId,
      before: null,
      after: { name, key },
    });
  });
  return { id, key, secret };
}

export async function revokeCredential(deps: Deps, actor: Actor, id: string): Promise<void> {
  const c = await deps.repos.lrsCredentials.byId(deps.db, id);
  if (!c) throw notFound('lrs.credential');
  authorize(actor, 'lrs.credential.manage', { unitId: c.unitId });
  await deps.db.transaction(async (tx) => {
    if (
      !(await deps.repos.lrsCredentials.revoke(
        tx,
        id,
        actor.kind === 'user' ? actor.userId : null,
        deps.now(),
      ))
    )
      return;
    await deps.audit.record(tx, actor, {
      action: 'lrs.credential.revoke',
      entityType: 'lrs_credential',
      entityId: id,
      unitId: c.unitId,
      before: { revokedAt: null },
      after: { revokedAt: deps.now().toISOString() },
    });
  });
}

/** Credentials the actor may manage (units in their scope). */
export async function listCredentials(deps: Deps, actor: Actor) {
  const all = await deps.repos.lrsCredentials.list(deps.db);
  return all.filter((c) => can(actor, 'lrs.credential.manage', { unitId: c.unitId }));
}

/** The authority behind an `Authorization: Basic` header, or null (401). */
export async function authenticateClient(deps: Deps, header: string | undefined): Promise<Authority | null> {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 1) return null;
  const c = await deps.repos.lrsCredentials.byKey(deps.db, decoded.slice(0, i));
  const given = Buffer.from(hash(decoded.slice(i + 1)), 'hex');
  const expected = Buffer.from(c?.secretHash ?? '0'.repeat(64), 'hex');
  if (!c || c.revokedAt || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  await deps.repos.lrsCredentials.touch(deps.db, c.id, deps.now());
  return { credentialId: c.id, agent: authorityOf(deps, c) };
}
