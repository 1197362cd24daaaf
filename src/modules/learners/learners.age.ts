// The minors' consent rules (Law 91/2025/QH15, Decree 356/2025: children are under 16; from 7 the child's own
// consent is needed too). Pure: thresholds come from settings, the year from the caller's clock.

export interface ConsentThresholds {
  /** Under this age a guardian's verified consent is needed (default 16). */
  guardianUnder: number;
  /** From this age the child's own consent is needed as well (default 7). */
  childFrom: number;
}

export const DEFAULT_THRESHOLDS: ConsentThresholds = { guardianUnder: 16, childFrom: 7 };

export type ParticipationBlock = 'birthYearMissing' | 'guardianConsentMissing' | 'childConsentMissing';

/**
 * Ages from the YOUNGEST year of birth ever recorded for the profile. Only the year is known, so each rule takes
 * the safe side: a guardian is needed while the person may still be under the threshold (birthday not reached),
 * the child's own consent as soon as they may have reached theirs.
 */
export function possibleAges(youngestBirthYear: number, currentYear: number): { min: number; max: number } {
  return { min: currentYear - youngestBirthYear - 1, max: currentYear - youngestBirthYear };
}

export function consentsNeeded(
  youngestBirthYear: number | null,
  currentYear: number,
  t: ConsentThresholds,
): { known: boolean; guardian: boolean; child: boolean } {
  if (youngestBirthYear === null) return { known: false, guardian: false, child: false };
  const age = possibleAges(youngestBirthYear, currentYear);
  const guardian = age.min < t.guardianUnder;
  return { known: true, guardian, child: guardian && age.max >= t.childFrom };
}

/** What stops a profile from registering, borrowing or appearing publicly (empty: nothing). */
export function participationBlocks(
  youngestBirthYear: number | null,
  currentYear: number,
  t: ConsentThresholds,
  has: { guardian: boolean; child: boolean },
): ParticipationBlock[] {
  const need = consentsNeeded(youngestBirthYear, currentYear, t);
  if (!need.known) return ['birthYearMissing'];
  const out: ParticipationBlock[] = [];
  if (need.guardian && !has.guardian) out.push('guardianConsentMissing');
  if (need.child && !has.child) out.push('childConsentMissing');
  return out;
}

/** The year a new birth-year value leaves as the youngest recorded: the later of the two. */
export function nextYoungest(previous: number | null, next: number | null): number | null {
  if (next === null) return previous;
  if (previous === null) return next;
  return Math.max(previous, next);
}
