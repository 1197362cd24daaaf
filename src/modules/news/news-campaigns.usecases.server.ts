// Campaigns (a theme grouping articles, events and materials) and media products (reports, online talks) with
// their reach. Publishers of a unit create campaigns; writers record media products. Audited.
import { z } from '@hono/zod-openapi';
import { authorize, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { eventsPort } from '../events/index.server.ts';
import { type NewsDeps, newsError } from './news.usecases.server.ts';
import { MEDIA_KINDS } from './news.vocab.ts';

const id = z.string().regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);
const day = calendarDay(DAY_RANGES.history);
const httpUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s]+$/);

export const CampaignInputSchema = z.strictObject({
  unitId: id,
  title: singleLineText({ min: 3, max: 300 }),
  summary: multiLineText({ max: 2000 }).default(''),
  startsOn: day.nullable().default(null),
  endsOn: day.nullable().default(null),
  materialLinks: z
    .array(z.strictObject({ title: singleLineText({ min: 1, max: 300 }), url: httpUrl }))
    .max(50)
    .default([]),
  eventIds: z.array(id).max(50).default([]),
});
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export const MediaInputSchema = z.strictObject({
  unitId: id,
  kind: z.enum(MEDIA_KINDS),
  title: singleLineText({ min: 3, max: 300 }),
  outlet: singleLineText({ max: 200 }).default(''),
  url: httpUrl.nullable().default(null),
  releasedOn: day,
  reach: z.number().int().min(0).max(1_000_000_000),
  campaignId: id.nullable().default(null),
  planInstanceIds: z.array(id).max(20).default([]),
});
export type MediaInput = z.infer<typeof MediaInputSchema>;

export async function createCampaign(deps: NewsDeps, actor: Actor, input: CampaignInput): Promise<string> {
  authorize(actor, 'news.campaign.update', { unitId: input.unitId });
  if (input.startsOn && input.endsOn && input.startsOn > input.endsOn)
    throw newsError('campaign_dates', 'news.error.campaignDates');
  return deps.db.transaction(async (tx) => {
    const found = await eventsPort.summaries(deps, tx, input.eventIds);
    if (found.length !== new Set(input.eventIds).size)
      throw newsError('event_not_found', 'news.error.eventNotFound');
    const cid = await deps.repos.newsCampaigns.insert(tx, {
      ...input,
      eventIds: [...new Set(input.eventIds)],
    });
    await deps.audit.record(tx, actor, {
      action: 'news.campaign.create',
      entityType: 'news_campaign',
      entityId: cid,
      unitId: input.unitId,
      before: null,
      after: input,
    });
    return cid;
  });
}

export async function createMediaProduct(deps: NewsDeps, actor: Actor, input: MediaInput): Promise<string> {
  authorize(actor, 'news.media.update', { unitId: input.unitId });
  return deps.db.transaction(async (tx) => {
    if (input.campaignId && !(await deps.repos.newsCampaigns.byId(tx, input.campaignId)))
      throw newsError('campaign_not_found', 'news.error.campaignNotFound');
    const mid = await deps.repos.newsCampaigns.insertMedia(tx, input);
    await deps.audit.record(tx, actor, {
      action: 'news.media.create',
      entityType: 'news_media_product',
      entityId: mid,
      unitId: input.unitId,
      before: null,
      after: input,
    });
    return mid;
  });
}

/** The campaigns page: every campaign, the media products of the units the actor reads, and form choices. */
export async function campaignsView(deps: NewsDeps, actor: Actor) {
  if (scopeRoots(actor, 'news.article.read').length === 0) authorize(actor, 'news.article.read');
  const units = await deps.repos.units.all(deps.db);
  const readable = units.filter((u) => can(actor, 'news.article.read', { unitId: u.id })).map((u) => u.id);
  const names = new Map(units.map((u) => [u.id, u.name]));
  return {
    campaigns: await deps.repos.newsCampaigns.list(deps.db),
    media: (await deps.repos.newsCampaigns.mediaFor(deps.db, { unitIds: readable })).map((m) => ({
      ...m,
      unitName: names.get(m.unitId) ?? '',
    })),
    campaignUnits: units
      .filter((u) => can(actor, 'news.campaign.update', { unitId: u.id }))
      .map((u) => ({ id: u.id, name: u.name })),
    mediaUnits: units
      .filter((u) => can(actor, 'news.media.update', { unitId: u.id }))
      .map((u) => ({ id: u.id, name: u.name })),
  };
}
