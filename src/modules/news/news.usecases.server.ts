// News articles: staff of a unit write and submit them; publishers (managers, administrators, the Department's
// office) publish at once or schedule them; a job publishes scheduled ones when their time comes. Bodies are
// sanitised before they are stored (and again when shown). Links to events and plan task instances are checked
// through those modules' ports. Every write is audited; edits and steps name the version they were based on.
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can, scopeRoots } from '../../app/policies.server.ts';
import type { Db } from '../../db/client.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { checkVersion, staleVersion } from '../../lib/versions.server.ts';
import { eventsPort } from '../events/index.server.ts';
import { storeUploadedFile } from '../files/files.usecases.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import type { ArticleFilter, ArticleRecord, ArticleValues } from './news.repository.server.ts';
import { sanitizeArticleHtml } from './news.sanitize.server.ts';
import type { ArticleInput, ArticleStepInput, ArticleUpdate, StaffListQuery } from './news.schemas.server.ts';
import { type ArticleStatus, STEP_FROM } from './news.vocab.ts';

export type NewsDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now' | 'config' | 'logger'>;

export const newsError = (code: string, key: MessageKey, status = 422) =>
  new AppError(`news.${code}`, status, key);

/** Published articles are public; the rest only for those who read the unit's articles. */
export const articleVisible = (actor: Actor, a: Pick<ArticleRecord, 'status' | 'unitId'>) =>
  a.status === 'published' || can(actor, 'news.article.read', { unitId: a.unitId });

function toValues(input: ArticleInput): ArticleValues {
  return {
    unitId: input.unitId,
    title: input.title,
    summary: input.summary,
    bodyHtml: sanitizeArticleHtml(input.bodyHtml),
    category: input.category,
    tags: [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))],
    campaignId: input.campaignId,
    eventIds: [...new Set(input.eventIds)],
    exhibitionIds: [],
    planInstanceIds: [...new Set(input.planInstanceIds)],
  };
}

async function checkLinks(deps: NewsDeps, tx: Db, v: ArticleValues) {
  if (v.eventIds.length > 0) {
    const found = await eventsPort.summaries(deps, tx, v.eventIds);
    if (found.length !== v.eventIds.length) throw newsError('event_not_found', 'news.error.eventNotFound');
  }
  for (const id of v.planInstanceIds)
    if (!(await planInstancesPort.exists(deps, tx, id)))
      throw newsError('plan_instance_not_found', 'news.error.planInstanceNotFound');
  if (v.campaignId && !(await deps.repos.newsCampaigns.byId(tx, v.campaignId)))
    throw newsError('campaign_not_found', 'news.error.campaignNotFound');
}

const auditView = (v: ArticleValues) => ({ ...v, bodyHtml: `${v.bodyHtml.length} chars` });

export async function createArticle(deps: NewsDeps, actor: Actor, input: ArticleInput): Promise<string> {
  authorize(actor, 'news.article.create', { unitId: input.unitId });
  const values = toValues(input);
  return deps.db.transaction(async (tx) => {
    await checkLinks(deps, tx, values);
    const id = await deps.repos.news.insert(tx, values, actor.kind === 'user' ? actor.userId : null);
    await deps.audit.record(tx, actor, {
      action: 'news.article.create',
      entityType: 'news_article',
      entityId: id,
      unitId: values.unitId,
      before: null,
      after: auditView(values),
    });
    return id;
  });
}

export async function updateArticle(deps: NewsDeps, actor: Actor, id: string, input: ArticleUpdate) {
  const { version, ...fields } = input;
  const values = toValues(fields);
  await deps.db.transaction(async (tx) => {
    const before = await deps.repos.news.lock(tx, id);
    if (!before) throw notFound('news.article');
    authorizeEdit(actor, 'news.article.update', before.unitId, articleVisible(actor, before), 'news.article');
    authorize(actor, 'news.article.update', { unitId: values.unitId });
    // A published article is changed only by those who may publish it.
    if (before.status === 'published' || before.status === 'scheduled')
      authorize(actor, 'news.article.publish', { unitId: before.unitId });
    checkVersion('news.article', before.version, version);
    await checkLinks(deps, tx, values);
    if (!(await deps.repos.news.update(tx, id, values, version))) throw staleVersion('news.article');
    await deps.audit.record(tx, actor, {
      action: 'news.article.update',
      entityType: 'news_article',
      entityId: id,
      unitId: values.unitId,
      before: auditView(before),
      after: auditView(values),
    });
  });
}

function nextState(
  deps: NewsDeps,
  a: ArticleRecord,
  input: ArticleStepInput,
): { status: ArticleStatus; publishAt: Date | null; publishedAt: Date | null } {
  const now = deps.now();
  switch (input.step) {
    case 'submit':
      return { status: 'review', publishAt: null, publishedAt: null };
    case 'return':
      return { status: 'draft', publishAt: null, publishedAt: null };
    case 'publish':
      return { status: 'published', publishAt: null, publishedAt: a.publishedAt ?? now };
    case 'schedule': {
      const at = input.publishAt ? new Date(input.publishAt) : null;
      if (!at || at <= now) throw newsError('schedule_in_past', 'news.error.scheduleInPast');
      return { status: 'scheduled', publishAt: at, publishedAt: null };
    }
    case 'withdraw':
      return { status: 'withdrawn', publishAt: null, publishedAt: a.publishedAt };
  }
}

/** One workflow step. Submitting needs the edit permission; everything else the publishing one. */
export async function stepArticle(deps: NewsDeps, actor: Actor, id: string, input: ArticleStepInput) {
  await deps.db.transaction(async (tx) => {
    const a = await deps.repos.news.lock(tx, id);
    if (!a) throw notFound('news.article');
    const action = input.step === 'submit' ? 'news.article.update' : 'news.article.publish';
    authorizeEdit(actor, action, a.unitId, articleVisible(actor, a), 'news.article');
    checkVersion('news.article', a.version, input.version);
    if (!STEP_FROM[input.step].includes(a.status))
      throw newsError('step_not_allowed', 'news.error.stepNotAllowed', 409);
    if (input.step === 'publish' || input.step === 'schedule') {
      if (a.title.trim() === '' || (a.summary.trim() === '' && a.bodyHtml.trim() === ''))
        throw newsError('empty', 'news.error.emptyArticle');
    }
    const next = nextState(deps, a, input);
    if (!(await deps.repos.news.setStatus(tx, id, input.version, next))) throw staleVersion('news.article');
    await deps.audit.record(tx, actor, {
      action: `news.article.${input.step}`,
      entityType: 'news_article',
      entityId: id,
      unitId: a.unitId,
      before: { status: a.status, publishAt: a.publishAt?.toISOString() ?? null },
      after: { status: next.status, publishAt: next.publishAt?.toISOString() ?? null },
    });
  });
}

export const NEWS_PUBLISH_JOB = 'news.publish-due';

/** The scheduled-publish sweep (every few minutes): scheduled articles whose time has come go public. */
export async function publishDueArticles(deps: NewsDeps): Promise<string[]> {
  return deps.db.transaction(async (tx) => {
    const ids = await deps.repos.news.publishDue(tx, deps.now());
    for (const id of ids)
      await deps.audit.record(
        tx,
        { kind: 'anonymous' },
        {
          action: 'news.article.publish_scheduled',
          entityType: 'news_article',
          entityId: id,
          before: { status: 'scheduled' },
          after: { status: 'published' },
        },
      );
    return ids;
  });
}

/** The picture of an article: an image the files module checks by content; alt text is required. */
export async function setArticleImage(
  deps: NewsDeps,
  actor: Actor,
  id: string,
  upload: { tempPath: string; fileName: string; alt: string },
) {
  const a = await deps.repos.news.byId(deps.db, id);
  const alt = upload.alt.trim();
  if (!a || !can(actor, 'news.article.update', { unitId: a.unitId }) || alt === '' || alt.length > 300) {
    await rm(upload.tempPath, { force: true });
    if (!a) throw notFound('news.article');
    authorizeEdit(actor, 'news.article.update', a.unitId, articleVisible(actor, a), 'news.article');
    throw new AppError('news.image_alt_required', 422, 'news.error.altRequired', { params: {} });
  }
  const stored = await storeUploadedFile(deps, actor, {
    tempPath: upload.tempPath,
    fileName: upload.fileName,
    kind: 'image',
    visibility: 'public',
    unitId: a.unitId,
  });
  await deps.db.transaction(async (tx) => {
    await deps.repos.news.setImage(tx, id, stored.id, alt);
    await deps.audit.record(tx, actor, {
      action: 'news.article.image',
      entityType: 'news_article',
      entityId: id,
      unitId: a.unitId,
      before: { imageFileId: a.imageFileId, imageAlt: a.imageAlt },
      after: { imageFileId: stored.id, imageAlt: alt },
    });
  });
}

/** Staff list: the articles of the units the actor reads, filtered. */
export async function listStaffArticles(deps: NewsDeps, actor: Actor, q: StaffListQuery) {
  const roots = scopeRoots(actor, 'news.article.read');
  if (roots.length === 0) authorize(actor, 'news.article.read');
  const units = await deps.repos.units.all(deps.db);
  const unitIds = units.filter((u) => can(actor, 'news.article.read', { unitId: u.id })).map((u) => u.id);
  const rows = await deps.repos.news.list(deps.db, { ...q, unitIds, limit: 500 });
  const names = new Map(units.map((u) => [u.id, u.name]));
  return rows.map((a) => ({ ...a, unitName: names.get(a.unitId) ?? '' }));
}

/** One article for the staff pages, with what the actor may do and the names of its links. */
export async function getStaffArticle(deps: NewsDeps, actor: Actor, id: string) {
  const a = await deps.repos.news.byId(deps.db, id);
  if (!a || !can(actor, 'news.article.read', { unitId: a.unitId })) throw notFound('news.article');
  return {
    article: a,
    events: await eventsPort.summaries(deps, deps.db, a.eventIds),
    canEdit:
      can(actor, 'news.article.update', { unitId: a.unitId }) &&
      (a.status === 'draft' ||
        a.status === 'review' ||
        a.status === 'withdrawn' ||
        can(actor, 'news.article.publish', { unitId: a.unitId })),
    canPublish: can(actor, 'news.article.publish', { unitId: a.unitId }),
  };
}

/** Units, events, plan task instances and campaigns offered by the article form. */
export async function articleFormOptions(deps: NewsDeps, actor: Actor) {
  const units = (await deps.repos.units.all(deps.db)).filter((u) =>
    can(actor, 'news.article.create', { unitId: u.id }),
  );
  const year = Number(isoDateInVietnam(deps.now()).slice(0, 4));
  return {
    units: units.map((u) => ({ id: u.id, name: u.name })),
    events: (await eventsPort.recentOptions(deps, deps.db)).map((e) => ({ id: e.id, title: e.title })),
    planInstances: await planInstancesPort.options(
      deps,
      deps.db,
      year,
      units.map((u) => u.id),
    ),
    campaigns: (await deps.repos.newsCampaigns.list(deps.db)).map((c) => ({ id: c.id, title: c.title })),
  };
}

export type { ArticleFilter };
