// Read models: a title's availability (record page), the reader's own loans/holds/history, the desk's choices.
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { catalogueRecordsPort } from '../catalogue/index.server.ts';
import {
  mobileRouteNextVisits,
  mobileRouteStops,
  mobileRoutesOfUnits,
  placesPort,
} from '../places/index.server.ts';
import type { CirculationDeps } from './circulation.desk.usecases.server.ts';
import { myCards } from './circulation.readers.usecases.server.ts';
import type { Reader, StoredLoanRule } from './circulation.repository.server.ts';
import { RULE_KINDS } from './circulation.rules.schemas.server.ts';
import { type LoanRule, ruleFor } from './circulation.rules.ts';
import type { Hold, Loan } from './circulation-loans.repository.server.ts';

export interface AvailabilityLine {
  unitId: string;
  total: number;
  available: number;
  /** Places where a copy is on the shelf now. */
  availableAt: string[];
  /** Mobile-library routes with a copy on board, and their next stop. */
  nextStops: Array<{ routeName: string; placeName: string; day: string; starts: string }>;
  /** Earliest due date of the copies on loan (ISO), when none is available. */
  nextDue: string | null;
  holdsWaiting: number;
  pickups: Array<{ value: string; label: string }>;
}

export async function recordAvailability(
  deps: CirculationDeps,
  recordId: string,
): Promise<AvailabilityLine[]> {
  const items = (await deps.repos.circulation.itemsOfRecords(deps.db, [recordId])).filter(
    (i) => i.status !== 'withdrawn' && i.status !== 'lost',
  );
  if (items.length === 0) return [];
  const unitIds = [...new Set(items.map((i) => i.unitId))];
  const placeIds = [
    ...new Set(items.flatMap((i) => [i.currentPlaceId, i.homePlaceId]).filter((x): x is string => !!x)),
  ];
  const places = new Map((await placesPort.names(deps, deps.db, placeIds)).map((p) => [p.id, p.name]));
  const routes = await mobileRoutesOfUnits(deps, deps.db, unitIds);
  const routeName = new Map(routes.map((r) => [r.id, r.name]));
  const onBoard = [
    ...new Set(
      items
        .filter((i) => i.status === 'available' && i.currentRouteId)
        .map((i) => i.currentRouteId as string),
    ),
  ];
  const visits = await mobileRouteNextVisits(deps, onBoard, 1);
  const stops = await mobileRouteStops(
    deps,
    deps.db,
    routes.map((r) => r.id),
  );
  const unitPlaces = (await placesPort.activeOptions(deps, deps.db)).filter((p) =>
    unitIds.includes(p.unitId),
  );
  const out: AvailabilityLine[] = [];
  for (const unitId of unitIds) {
    const mine = items.filter((i) => i.unitId === unitId);
    const free = mine.filter((i) => i.status === 'available');
    const openDue = await Promise.all(
      mine
        .filter((i) => i.status === 'on_loan')
        .map((i) => deps.repos.circulationLoans.openLoanOfItem(deps.db, i.id)),
    );
    const due =
      openDue
        .filter((l): l is Loan => !!l)
        .map((l) => l.dueAt.toISOString())
        .sort()[0] ?? null;
    out.push({
      unitId,
      total: mine.length,
      available: free.length,
      availableAt: [
        ...new Set(
          free.filter((i) => i.currentPlaceId).map((i) => places.get(i.currentPlaceId as string) ?? ''),
        ),
      ],
      nextStops: [...new Set(free.map((i) => i.currentRouteId).filter((x): x is string => !!x))].flatMap(
        (r) =>
          (visits.get(r) ?? []).map((v) => ({
            routeName: routeName.get(r) ?? '',
            placeName: v.placeName,
            day: v.day,
            starts: v.starts,
          })),
      ),
      nextDue: free.length ? null : due,
      holdsWaiting: await deps.repos.circulationLoans.waitingCount(deps.db, unitId, recordId),
      pickups: [
        ...unitPlaces
          .filter((p) => p.unitId === unitId)
          .map((p) => ({ value: `place:${p.id}`, label: p.name })),
        ...stops
          .filter((s) => routes.find((r) => r.id === s.routeId)?.unitId === unitId)
          .map((s) => ({
            value: `stop:${s.id}`,
            label: `${routeName.get(s.routeId) ?? ''} — ${s.placeName}`,
          })),
      ],
    });
  }
  return out;
}

export interface MyLibrary {
  cards: Reader[];
  loans: Array<Loan & { title: string; cardNumber: string }>;
  history: Array<Loan & { title: string }>;
  holds: Array<Hold & { title: string; position: number | null }>;
  keepHistory: boolean;
}

export async function myLibrary(deps: CirculationDeps, actor: Actor, request?: Request): Promise<MyLibrary> {
  authorize(actor, 'circulation.self');
  const cards = await myCards(deps, actor, request);
  const loans = (
    await Promise.all(cards.map((c) => deps.repos.circulationLoans.openLoansOfReader(deps.db, c.id)))
  ).flat();
  const keepHistory = cards.some((c) => c.keepHistory);
  const history = keepHistory
    ? (
        await Promise.all(cards.map((c) => deps.repos.circulationLoans.pastLoansOfReader(deps.db, c.id)))
      ).flat()
    : [];
  const holds = await deps.repos.circulationLoans.holdsOfReader(
    deps.db,
    cards.map((c) => c.id),
  );
  const ids = [...new Set([...loans, ...history, ...holds].map((x) => x.recordId))];
  const titles = new Map(
    (await catalogueRecordsPort.summaries(deps, deps.db, ids)).map((r) => [r.id, r.title]),
  );
  const cardOf = new Map(cards.map((c) => [c.id, c.cardNumber]));
  return {
    cards,
    loans: loans.map((l) => ({
      ...l,
      title: titles.get(l.recordId) ?? '',
      cardNumber: cardOf.get(l.readerId ?? '') ?? '',
    })),
    history: history.map((l) => ({ ...l, title: titles.get(l.recordId) ?? '' })),
    holds: holds.map((h) => ({ ...h, title: titles.get(h.recordId) ?? '' })),
    keepHistory,
  };
}

/** The places and mobile-library routes of a unit, for the desk's "where am I" choice. */
export async function deskLocations(deps: CirculationDeps, actor: Actor, unitId: string) {
  authorize(actor, 'circulation.desk', { unitId });
  const places = (await placesPort.activeOptions(deps, deps.db)).filter((p) => p.unitId === unitId);
  const routes = await mobileRoutesOfUnits(deps, deps.db, [unitId]);
  return { places, routes };
}

export interface UnitRuleView {
  itemKind: string;
  /** The rule that applies to this kind now (the unit's own, else its default, else the platform's). */
  effective: LoanRule;
  /** The unit's own rule for exactly this kind, with its version; null when it inherits. */
  own: StoredLoanRule | null;
}

/** A unit's loan rules for its managers' rules page: the default (`*`) first, then each kind of item. */
export async function unitRules(
  deps: CirculationDeps,
  actor: Actor,
  unitId: string,
): Promise<UnitRuleView[]> {
  authorize(actor, 'circulation.rules.update', { unitId });
  const stored = await deps.repos.circulation.rules(deps.db, [unitId]);
  return RULE_KINDS.map((kind) => ({
    itemKind: kind,
    effective: ruleFor(stored, unitId, kind),
    own: stored.find((r) => r.itemKind === kind) ?? null,
  }));
}
