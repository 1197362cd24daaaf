// Guest consents to the consent ledger after commit (issue 14). A guest registration is written with
// `consent_ledger_due` (migration 0130): the registration row is its own transactional outbox, as for ticket
// mails. Writing the ledger inside the seat statement made the 1,000-simultaneous-registrations burst exhaust
// the pool, so the `events.consent-ledger` job (every minute, and kicked once a burst quiets) appends one
// ledger entry per contact the guest gave and clears the flag in the same transaction: idempotent, and a
// stopped process loses nothing.
import { consentLedger } from '../privacy/index.server.ts';
import type { EventsDeps } from './events.usecases.server.ts';

export const CONSENT_LEDGER_JOB = 'events.consent-ledger';
/** The ledger's purpose code for a guest's event-registration consent. */
export const REGISTRATION_CONSENT_PURPOSE = 'events.registration';

const BATCH = 200;

/** Phones are kept in the national form (0912345678); the ledger hashes the E.164 form guests verify with. */
const e164 = (phone: string) => (phone.startsWith('0') ? `+84${phone.slice(1)}` : phone);

/** Records every due guest consent; how many registrations were taken. */
export async function recordGuestConsents(deps: EventsDeps, limit = 10_000): Promise<number> {
  let taken = 0;
  while (taken < limit) {
    const n = await deps.db.transaction(async (tx) => {
      const due = await deps.repos.eventConsents.claimDue(tx, Math.min(BATCH, limit - taken));
      for (const r of due) {
        // Erased before the job ran: nothing left to prove, nothing to identify.
        if (!r.consentText) continue;
        const contacts = [
          r.phone ? e164(r.phone) : null,
          r.email && !r.email.endsWith('.invalid') ? r.email : null,
        ];
        for (const contact of contacts) {
          if (!contact) continue;
          await consentLedger.record(deps, tx, {
            purpose: REGISTRATION_CONSENT_PURPOSE,
            action: 'given',
            contact,
            actorUserId: null,
            subjectRef: r.registrationId,
            noticeText: r.consentText,
            channel: 'web',
            at: r.consentAt,
          });
        }
      }
      return due.length;
    });
    taken += n;
    if (n === 0) break;
  }
  return taken;
}

export async function runConsentLedgerJob(deps: EventsDeps): Promise<void> {
  await recordGuestConsents(deps);
}

const QUIET_MS = 500;
let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<unknown> | null = null;

/**
 * After a guest registration commits: record the consents once sign-ups have been quiet for QUIET_MS, one
 * writer at a time, only in processes that run jobs (elsewhere the minute sweep does it).
 */
export function kickGuestConsents(deps: EventsDeps): void {
  if (!deps.config.jobRunner) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    if (running) {
      void running.then(() => kickGuestConsents(deps));
      return;
    }
    running = recordGuestConsents(deps)
      .catch((e: unknown) =>
        deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'guest consents not recorded'),
      )
      .finally(() => {
        running = null;
      });
  }, QUIET_MS);
  timer.unref();
}
