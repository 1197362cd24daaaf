// Event registration by a minor's own account waits for the consents the rules ask for (guardian under 16,
// the child's own from 7). Registered as a guard of the events module, which never imports learners. Accounts
// without a learner profile (staff) and adults are not affected; a missing year of birth is not a refusal here.
import { AppError } from '../../lib/errors.ts';
import type { RegistrationGuard } from '../events/index.server.ts';
import { participation } from './learners.consent.server.ts';

export const consentGuard: RegistrationGuard = async (deps, userId) => {
  const p = (await participation(deps, [userId])).get(userId);
  const block = p?.blocks.find((b) => b === 'guardianConsentMissing' || b === 'childConsentMissing');
  if (block) throw new AppError('learners.consent_required', 422, `learners.block.${block}`);
};
