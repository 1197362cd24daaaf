// Sync of a mobile-library van's offline queue (docs/circulation.md, "Offline mode"). Transactions are applied
// in the order they happened, each through the desk's use cases with its own transaction id and time, and each
// outcome is recorded, so a replayed batch (a lost response, a second tap) applies nothing twice. Conflicts
// follow the stated rules: a return of a copy already returned elsewhere is a no-op; a lend of a copy the
// server thought was elsewhere is applied and flagged; a reader blocked meanwhile is lent to and flagged; a hold
// handed over after it was cancelled or filled by another copy meanwhile becomes an ordinary loan, flagged.
import { z } from 'zod';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isAppError } from '../../lib/errors.ts';
import { type CirculationDeps, checkin, checkout, type Desk } from './circulation.desk.usecases.server.ts';
import { registerReader } from './circulation.readers.usecases.server.ts';
import type { OfflineAnswer } from './circulation-offline.repository.server.ts';

const base = { txnId: z.string().min(8).max(80), at: z.coerce.date() };
export const OfflineTxnSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...base,
      kind: z.literal('checkout'),
      card: z.string().max(200),
      barcode: z.string().max(100),
      /** A hold handed over at a stop (the van's "holds to deliver"). */
      holdId: z.string().min(1).max(40).optional(),
    })
    .strict(),
  z.object({ ...base, kind: z.literal('checkin'), barcode: z.string().max(100) }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('register'),
      name: z.string().trim().min(1).max(200),
      phone: z.string().max(20).nullable(),
      birthYear: z.number().int().min(1900).max(2100).nullable(),
      guardianName: z.string().max(200).nullable(),
      consent: z.literal(true),
      /** The number the device drew from the block reserved for it (POST /circulation/offline-cards). */
      cardNumber: z
        .string()
        .regex(/^\d{12}$/)
        .optional(),
    })
    .strict(),
]);
export const SyncInputSchema = z
  .object({
    deviceId: z.string().min(1).max(80),
    unitId: z.string().min(1).max(40),
    routeId: z.string().max(40).nullable(),
    transactions: z.array(OfflineTxnSchema).max(200),
  })
  .strict();
export type SyncInput = z.infer<typeof SyncInputSchema>;

/**
 * One transaction's answer: its outcome and message key, the flags and the message's parameters (the limit, the
 * reason…), a registered reader's card number. Recorded whole, so a replay answers exactly the same.
 */
export type SyncResult = OfflineAnswer;

export async function syncOffline(
  deps: CirculationDeps,
  actor: Actor,
  input: SyncInput,
): Promise<SyncResult[]> {
  authorize(actor, 'circulation.desk', { unitId: input.unitId });
  const desk: Desk = { unitId: input.unitId, placeId: null, routeId: input.routeId };
  const ordered = [...input.transactions].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: SyncResult[] = [];
  // The batch's replays in one query. A lend or return recorded after it (the same batch synced twice at once)
  // still applies once — both are idempotent by their id in their own tables; a registration is not, so it is
  // looked up again just before it is applied.
  const recorded = new Map(
    (
      await deps.repos.circulationOffline.byTxns(
        deps.db,
        ordered.map((t) => t.txnId),
      )
    ).map((o) => [o.txnId, o]),
  );
  for (const t of ordered) {
    const seen =
      recorded.get(t.txnId) ??
      (t.kind === 'register' ? await deps.repos.circulationOffline.byTxn(deps.db, t.txnId) : null);
    if (seen) {
      out.push(seen);
      continue;
    }
    let result: SyncResult;
    // A lend or return applied at once records its answer in its own statement (nothing left to record here).
    let noted = false;
    const note = { deviceId: input.deviceId, unitId: input.unitId, payload: t };
    try {
      if (t.kind === 'checkout') {
        const r = await checkout(deps, actor, desk, {
          card: t.card,
          barcode: t.barcode,
          txnId: t.txnId,
          at: t.at,
          source: 'offline',
          forHold: t.holdId,
          note,
        });
        noted = r.noted === true;
        result = r.flags.length
          ? {
              txnId: t.txnId,
              outcome: 'flagged',
              messageKey: `circulation.error.${r.flags[0]}`,
              flags: r.flags,
              params: r.flagParams,
            }
          : { txnId: t.txnId, outcome: 'applied', messageKey: null };
      } else if (t.kind === 'checkin') {
        const r = await checkin(deps, actor, desk, { barcode: t.barcode, txnId: t.txnId, at: t.at, note });
        noted = r.noted === true;
        result = { txnId: t.txnId, outcome: 'applied', messageKey: null };
      } else {
        const reader = await registerReader(
          deps,
          actor,
          {
            unitId: input.unitId,
            name: t.name,
            phone: t.phone,
            email: null,
            birthYear: t.birthYear,
            category: 'adult',
            guardianName: t.guardianName,
            consent: t.consent,
            learnerId: null,
          },
          t.txnId,
          t.cardNumber ? { cardNumber: t.cardNumber, deviceId: input.deviceId } : undefined,
        );
        // A number that was not this device's to give (or given twice): the reader has a new one, said here.
        const replaced = t.cardNumber !== undefined && t.cardNumber !== reader.cardNumber;
        result = replaced
          ? {
              txnId: t.txnId,
              outcome: 'flagged',
              messageKey: 'circulation.error.cardReplaced',
              cardNumber: reader.cardNumber,
              flags: ['cardReplaced'],
            }
          : { txnId: t.txnId, outcome: 'applied', messageKey: null, cardNumber: reader.cardNumber };
      }
    } catch (e) {
      if (!isAppError(e) || e.status === 401 || e.status === 403) throw e;
      // A return of a copy no one has on loan any more: it was returned elsewhere meanwhile; nothing to do.
      const already = t.kind === 'checkin' && e.code === 'circulation.notOnLoan';
      result = {
        txnId: t.txnId,
        outcome: already ? 'flagged' : 'refused',
        messageKey: e.messageKey,
        ...(e.params ? { params: e.params } : {}),
      };
    }
    if (!noted)
      await deps.repos.circulationOffline.record(deps.db, {
        ...result,
        deviceId: input.deviceId,
        unitId: input.unitId,
        kind: t.kind,
        payload: t,
        happenedAt: t.at,
      });
    out.push(result);
  }
  return out;
}
