// The security settings page's use cases. The setting itself ("staff must use two-factor sign-in") belongs
// to the auth module, which enforces it at sign-in and owns its permission (`auth.settings.update`) and
// audited write; this file only gives the page one read and one write entry point.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import {
  authorizeSiteSettings,
  getRequireMfaForStaff,
  requireMfaForStaffVersion,
  setRequireMfaForStaff,
} from '../auth/auth.usecases.server.ts';
import type { SecuritySettings } from './access.schemas.server.ts';

export async function getSecuritySettings(
  deps: AppDeps,
  actor: Actor,
): Promise<SecuritySettings & { version: number }> {
  await authorizeSiteSettings(deps, actor);
  return {
    requireMfaForStaff: await getRequireMfaForStaff(deps),
    version: await requireMfaForStaffVersion(deps, actor),
  };
}

export async function updateSecuritySettings(
  deps: AppDeps,
  actor: Actor,
  input: SecuritySettings,
  /** The version the page was loaded with; a stale one → 409. */
  version: number,
): Promise<SecuritySettings> {
  await setRequireMfaForStaff(deps, actor, input.requireMfaForStaff, version);
  return input;
}
