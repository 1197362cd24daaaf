// SEAM (issue 15 ↔ accounts branch): the learners module will expose a minors-consent port that says whether a
// guardian's consent is recorded for a learner. Until it lands, a minor's card needs the guardian's name typed
// at the desk (the guardian is present and consents there). Replace the body with the port call; keep the name.
import type { CirculationDeps } from './circulation.desk.usecases.server.ts';

export async function minorConsentSeam(
  _deps: CirculationDeps,
  who: { learnerId: string | null; guardianName: string | null },
): Promise<boolean> {
  return Boolean(who.guardianName?.trim());
}
