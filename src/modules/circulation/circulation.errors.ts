// The desk's refusals: one code and one message each, so the desk says exactly what is wrong.
import { AppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n.ts';

export type DeskRefusal =
  | 'unknownBarcode'
  | 'notLendable'
  | 'withdrawn'
  | 'lost'
  | 'otherUnit'
  | 'unknownCard'
  | 'cardInvalid'
  | 'readerBlocked'
  | 'atLimit'
  | 'overdueBlocked'
  | 'onLoan'
  | 'alreadyYours'
  | 'heldForAnother'
  | 'inTransit'
  | 'notOnLoan'
  | 'holdWaiting'
  | 'maxRenewals'
  | 'holdsNotAllowed'
  | 'alreadyHeld'
  | 'noCopies'
  | 'needCard'
  | 'notYourLoan'
  | 'guardianRequired'
  | 'consentRequired'
  | 'pickupInvalid'
  | 'barcodeTaken'
  | 'holdCancelled'
  | 'holdFilledByOther'
  | 'cardReplaced';

const STATUS: Partial<Record<DeskRefusal, number>> = {
  unknownBarcode: 404,
  unknownCard: 404,
  otherUnit: 403,
  notYourLoan: 403,
  onLoan: 409,
  alreadyYours: 409,
  heldForAnother: 409,
  inTransit: 409,
  alreadyHeld: 409,
  barcodeTaken: 409,
};

export function refuse(code: DeskRefusal, params?: Record<string, string | number>): AppError {
  return new AppError(
    `circulation.${code}`,
    STATUS[code] ?? 422,
    `circulation.error.${code}` as MessageKey,
    params ? { params } : {},
  );
}

/** Whether `e` is a desk refusal (a `refuse(...)` error), as opposed to a fault. */
export function isDeskRefusal(e: unknown): e is AppError {
  return e instanceof AppError && e.code.startsWith('circulation.');
}
