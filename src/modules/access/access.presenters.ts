// API shapes for users and grants: ISO dates, no internal columns (who granted, disabled by whom).
import type { GrantRow } from './access.repository.server.ts';
import type { UserWithGrants } from './access.usecases.server.ts';

export function presentGrant(g: GrantRow) {
  return {
    id: g.id,
    role: g.role,
    unitId: g.unitId,
    unitName: g.unitName,
    grantedAt: g.grantedAt.toISOString(),
    revokedAt: g.revokedAt?.toISOString() ?? null,
  };
}

export function presentUser(u: UserWithGrants) {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    twoFactorEnabled: u.twoFactorEnabled,
    createdAt: u.createdAt.toISOString(),
    invitedAt: u.invitedAt?.toISOString() ?? null,
    disabledAt: u.disabledAt?.toISOString() ?? null,
    grants: u.grants.map(presentGrant),
  };
}
