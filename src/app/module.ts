// What a feature module contributes to the platform. Each module exports one descriptor
// (src/modules/<feature>/<feature>.module.server.ts); src/app/modules.server.ts lists them, and every
// registry (repositories, permissions, API, other HTTP routes, jobs, schedules, seeds, public paths,
// back-office navigation) is derived from that one list. Adding a module never edits a central table.
import type { Hono } from 'hono';
import type { Db, DbHandle } from '../db/client.server.ts';
import type { HonoEnv } from '../http/env.ts';
import type { Actor, PermissionTable } from '../lib/authz.ts';
import type { MessageKey } from '../lib/i18n.ts';
import type { AttendanceListener, RegistrationGuard } from '../modules/events/index.server.ts';
import type { JobHandler, Schedule } from '../modules/jobs/jobs.types.ts';
import type { LearningListener } from '../modules/learning/index.server.ts';
import type { AppDeps } from './deps.types.ts';

/** The /api/v1 app a module registers its routes on (OpenAPIHono; typed loosely here to avoid a cycle). */
export type ApiRegistrar = (api: import('../http/api.server.ts').Api, deps: AppDeps) => void;

export interface NavEntry {
  path: string;
  label: MessageKey;
  /** Shown to whoever holds this permission somewhere. */
  action: string;
  /** Menu group: the plan's work, public content, administration (shown in that order). */
  group: 'work' | 'content' | 'admin';
}

export interface FeatureModule {
  name: string;
  /**
   * The kinds of public id this module mints (`evt`, `reg` …), from its `<feature>.ids.server.ts`, whose `newId`
   * accepts only these. No two modules declare the same prefix (src/app/id-prefixes.test.ts).
   */
  idPrefixes?: readonly string[];
  /** This module's repositories, merged into `deps.repos` (SQL only for the module's own tables). */
  /**
   * The tables this module's migrations create. Only its own repositories query them; other modules go
   * through its public surface (`index.server.ts`). Checked by src/app/module-boundaries.test.ts.
   */
  tables?: readonly string[];
  /**
   * Read contracts this module publishes (ADR 0014): SQL views its migrations create over its own tables, which
   * other modules' repositories may join (for names and scope) where they may never name the tables.
   */
  publishedViews?: readonly string[];
  repositories?: (dbh: DbHandle) => object;
  permissions?: PermissionTable;
  /** Routes under /api/v1. */
  api?: ApiRegistrar[];
  /** Other HTTP routes (feeds, OAI-PMH, IIIF, media, auth endpoints), mounted before the pages. */
  http?: Array<(app: Hono<HonoEnv>, deps: AppDeps) => void>;
  jobs?: Record<string, JobHandler>;
  /** Each job kind in words (the jobs page and the dashboard never show a raw code alone). */
  jobLabels?: Readonly<Record<string, MessageKey>>;
  schedules?: Schedule[];
  /** Reference data, applied on every start (idempotent), in module-list order. */
  seedReference?: (deps: AppDeps) => Promise<void>;
  /** Demo data, once, in module-list order. */
  seedDemo?: (deps: AppDeps) => Promise<unknown>;
  /** `METHOD /path` patterns anonymous callers may use (the route-auth test reads the union). */
  publicApi?: string[];
  /** React Router page ids anonymous visitors may open. */
  publicPages?: string[];
  /** Back-office menu entries. */
  nav?: NavEntry[];
  /** Public pages for /sitemap.xml (one or more sitemap files each, 50,000 URLs per file). */
  sitemap?: SitemapSource[];
  /**
   * Public records of this module that the one catalogue search also finds (learning paths …). The search page
   * asks each source; the catalogue never reads the module's tables.
   */
  searchSources?: SearchSource[];
  /**
   * Public records of this module that the catalogue's OAI-PMH provider also lists (oai_dc), after the
   * catalogue's own records, in module-list order. The provider never reads the module's tables.
   */
  oaiSources?: OaiSource[];
  /** Public header/footer links (the portal's site menu), in module-list order within a group. */
  publicNav?: PublicNavEntry[];
  /**
   * Named computations this module contributes to the indicators module (issue 13). Each reads only this
   * module's own tables; the indicators module never reads another module's tables.
   */
  indicatorSources?: IndicatorSource[];
  /**
   * What this module holds about a person, for the data-subject rights (access/export, erasure) and the
   * personal-data inventory (issue 14). Every module that stores personal data declares it.
   */
  personalData?: PersonalDataHandler;
  /**
   * How long this module keeps each kind of personal data, and how it deletes or anonymises what is past it
   * (issue 14). The privacy module's purge job runs every module's rules with the periods an administrator set
   * (`privacy.retention` setting); each rule touches only its own module's tables.
   */
  retention?: RetentionRule[];
  /**
   * Things this module asks the signed-in person to act on (an overdue inspection follow-up …), shown on the
   * back-office dashboard next to their plan work. The dashboard reads this list, never the module itself.
   */
  workItems?: (deps: AppDeps, actor: Actor) => Promise<WorkItem[]>;
  /**
   * This module's records that link to plan task instances as evidence (an article, a training course, a
   * donation …). The plan's instance page lists them under `heading`, in module-list order, without knowing
   * the module.
   */
  planEvidence?: PlanEvidenceSource;
  /**
   * Checks run before a signed-in person registers for an event (the learners module refuses a minor without
   * the consent the law asks for); a guard refuses by throwing an AppError. Run in module-list order.
   */
  registrationGuards?: RegistrationGuard[];
  /**
   * Reactions to an event check-in of a learner (the LRS writes "attended", challenges credit time), run inside
   * the check-in transaction in module-list order (ADR 0011).
   */
  attendanceListeners?: AttendanceListener[];
  /** Reactions to a learner's progress on a learning path, inside the learner's transaction (ADR 0011). */
  learningListeners?: LearningListener[];
}

export interface PlanEvidenceSource {
  heading: MessageKey;
  forPlanInstances(deps: AppDeps, db: Db, instanceIds: readonly string[]): Promise<PlanEvidenceItem[]>;
}

export interface PlanEvidenceItem {
  id: string;
  /** Back-office path (without the language prefix). */
  href: string;
  text: string;
  /** Shown after the link in parentheses: a status or kind in words, or text already formatted. */
  note?: { key: MessageKey } | { text: string };
}

/** One item of a person's work from a register: what, where to act, and by when. */
export interface WorkItem {
  key: string;
  label: MessageKey;
  params: Record<string, string>;
  /** Back-office path (without the language prefix). */
  href: string;
  /** YYYY-MM-DD, Vietnam time. */
  dueDate: string | null;
  overdue: boolean;
}

export interface SitemapEntry {
  /** Path under PUBLIC_URL, e.g. `/events/evt_…` (Vietnamese; the English page is `/en` + path). */
  path: string;
  lastmod?: Date | null;
}

export interface SitemapSource {
  /** Names its files: `records` → /sitemaps/records-1.xml, -2.xml, … */
  name: string;
  /** Public-menu paths this source lists itself (with their lastmod): the generic pages file leaves them out. */
  covers?: readonly string[];
  count(deps: AppDeps): Promise<{ count: number; latest: Date | null }>;
  /** Entries [offset, offset + limit) in a stable order. */
  page(deps: AppDeps, offset: number, limit: number): Promise<SitemapEntry[]>;
}

export interface SearchSourceHit {
  id: string;
  title: string;
  summary: string;
  /** Public page, locale-free, e.g. `/learn/paths/lpa_…`. */
  path: string;
  unitName: string | null;
}

export interface SearchSource {
  /** Its hits' record type, shown like a catalogue type, e.g. `learning_path`. */
  type: string;
  label: MessageKey;
  /**
   * Published records whose text contains every word of `q` (diacritics and case folded), best first: the
   * `limit` hits after the first `offset` of that order (a stable order, so page 2 continues page 1), and the
   * total of all of them whatever the slice.
   */
  search(
    deps: AppDeps,
    q: string,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; hits: SearchSourceHit[] }>;
}

/** One item of an OAI source: identifier `oai:<host>:<id>`, paged by `seq` (immutable insertion order). */
export interface OaiSourceItem {
  id: string;
  seq: number;
  unitId: string;
  datestamp: Date;
  /** Unpublished or removed since it was first listed (tombstones are kept: `deletedRecord` persistent). */
  deleted: boolean;
}

/** Selection within one source: datestamp in [from, untilBefore), optionally one unit's items only. */
export interface OaiSourceFilter {
  unitId: string | null;
  from: Date | null;
  untilBefore: Date | null;
}

/** Dublin Core values of one item (the provider adds the unit as publisher and writes the XML). */
export interface OaiDublinCore {
  title: string;
  description: string | null;
  subjects: readonly string[];
  /** W3CDTF date, e.g. `2026-12-05`. */
  date: string | null;
  /** DCMI type first, e.g. `InteractiveResource`, then the platform's type. */
  types: readonly string[];
  /** Absolute URLs of the public page and other identifiers. */
  identifiers: readonly string[];
  /** Absolute URLs of related records (the catalogue records a learning path asks to read …). */
  relations: readonly string[];
  language: string | null;
}

export interface OaiSource {
  /** Its set is `type:<type>` (the same word as its search source's type), e.g. `learning_path`. */
  type: string;
  /** The set's name in ListSets. */
  setName: string;
  /** Whether an id (the part after `oai:<host>:`) is one of this source's, by its shape alone. */
  owns(id: string): boolean;
  count(deps: AppDeps, filter: OaiSourceFilter): Promise<number>;
  /** Items with `seq > afterSeq` matching the filter, by `seq`, at most `limit`. */
  list(deps: AppDeps, filter: OaiSourceFilter, afterSeq: number, limit: number): Promise<OaiSourceItem[]>;
  get(deps: AppDeps, id: string): Promise<OaiSourceItem | undefined>;
  earliestDatestamp(deps: AppDeps): Promise<Date | null>;
  /** Metadata of the published ones among `ids` (one query per call; the rest are left out). */
  dublinCore(deps: AppDeps, ids: readonly string[]): Promise<Map<string, OaiDublinCore>>;
}

export interface PublicNavEntry {
  path: string;
  label: MessageKey;
  /** `main`: header menu and footer; `footer`: footer only (contact, accessibility, privacy). */
  group: 'main' | 'footer';
  /** Shown only to signed-in visitors (`signed-in`) or only to anonymous ones (`anonymous`). */
  audience?: 'everyone' | 'signed-in' | 'anonymous';
}

/** A breakdown dimension an indicator computation can group by. */
export type IndicatorBreakdown =
  | 'unit'
  | 'commune'
  | 'placeKind'
  | 'audience'
  | 'ageBand'
  | 'sex'
  | 'commemorativeDay'
  | 'category'
  /** The Vietnamese (UTC+7) calendar year as text, e.g. '2025': each key's value equals a one-year query's. */
  | 'year';

export interface IndicatorQuery {
  /** Half-open period [from, to) in UTC instants (the caller converts Asia/Ho_Chi_Minh dates). */
  from: Date;
  to: Date;
  /** Restrict to these units (already expanded to descendants by the caller); absent = all units. */
  unitIds?: readonly string[];
  /** Group by this dimension; absent = one total row. */
  breakdown?: IndicatorBreakdown;
  /** Compute from the raw rows, bypassing any aggregate the module keeps (tests and the benchmark's baseline). */
  direct?: boolean;
}

export interface IndicatorRow {
  value: number;
  /** The breakdown's key (a unit id, a commune unit id, a place kind, an age band …); absent for totals. */
  key?: string | null;
}

export interface IndicatorSource {
  /** Stable code, `<module>.<what>`, e.g. `events.attendance`. */
  key: string;
  label: MessageKey;
  /** What one unit of the value is: people, events, items, hours, VND, … */
  measure: 'people' | 'times' | 'events' | 'items' | 'hours' | 'vnd' | 'percent' | 'count';
  breakdowns: readonly IndicatorBreakdown[];
  /**
   * Each counted row belongs to exactly one unit, so the value for a set of units is the sum of the `unit`
   * breakdown's rows for those units (the engine then answers every unit of a report from one grouped query,
   * rolled up over the unit tree). Only declare it when that holds (not for distinct people across units).
   */
  unitAdditive?: boolean;
  compute(deps: AppDeps, query: IndicatorQuery): Promise<IndicatorRow[]>;
  /**
   * The learner ids of the people this source counted in the period (distinct; people not linked to a learner
   * profile left out), for the equity view: the indicators module unions every source's ids and asks the
   * learners module for their commune and year of birth. Only on sources that count people.
   */
  participants?(deps: AppDeps, query: Pick<IndicatorQuery, 'from' | 'to' | 'unitIds'>): Promise<string[]>;
}

/** Who a data-subject request is about: every identifier the platform verified for the person. */
export interface PersonalDataSubject {
  userId?: string | null;
  /** The account's own learner id and the family members it manages. */
  learnerIds: readonly string[];
  emails: readonly string[];
  /** E.164, e.g. +84912345678. */
  phones: readonly string[];
}

export interface PersonalDataHandler {
  /** The inventory: what this module stores about people, why, for how long, who can see it. */
  inventory: ReadonlyArray<{
    table: string;
    fields: readonly string[];
    purpose: MessageKey;
    retention: MessageKey;
    visibleTo: MessageKey;
  }>;
  /** Everything held about the subject, as plain JSON-able rows per table. */
  export(deps: AppDeps, db: Db, subject: PersonalDataSubject): Promise<Record<string, unknown[]>>;
  /**
   * Erase or irreversibly pseudonymise the subject's personal data, keeping anonymous rows that aggregates
   * count (attendance, loans, statements) so indicators stay equal. `db` is the caller's transaction.
   */
  erase(deps: AppDeps, db: Db, subject: PersonalDataSubject): Promise<void>;
}

/** One kind of personal data a module keeps for a limited time (docs/privacy.md, "Retention"). */
export interface RetentionRule {
  /** Stable code, `<module>.<kind>` (the key of its period in the `privacy.retention` setting). */
  category: string;
  label: MessageKey;
  /** Why the default period, and on what legal basis. */
  basis: MessageKey;
  /** What happens past the period: rows deleted, or kept as anonymous rows aggregates still count. */
  action: 'delete' | 'anonymise';
  defaultDays: number;
  /** The shortest period an administrator may set (what the module itself still needs the data for). */
  minDays: number;
  /** How many rows a purge with this cutoff would delete or anonymise now (the dry run). */
  count(deps: AppDeps, db: Db, cutoff: Date): Promise<number>;
  /**
   * Deletes or anonymises what is past the cutoff, in the caller's transaction; returns how many rows. It only
   * selects rows not yet purged, so running it again at once finds nothing (idempotent).
   */
  purge(deps: AppDeps, db: Db, cutoff: Date): Promise<number>;
  /**
   * Optional: tells the people whose data a later purge will remove (a notice ahead of it), after the purge's
   * transaction, outside any transaction (it sends through the notification channel); returns how many.
   */
  notify?(deps: AppDeps, cutoff: Date): Promise<number>;
}
