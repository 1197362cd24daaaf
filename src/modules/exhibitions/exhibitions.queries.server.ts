// Reading exhibitions: the public list and story (published only; drafts for staff of the unit, as a preview),
// the staff list, and the exhibitions a record appears in.

import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { notFound } from '../../lib/errors.ts';
import { catalogueRecordsPort } from '../catalogue/index.server.ts';
import type { ImageView } from '../catalogue/media/media.repository.server.ts';
import type { ExhibitionRow, ItemRow, SectionValues } from './exhibitions.repository.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos'>;

export type ExhibitionItemView =
  | {
      id: string;
      kind: 'record';
      captionVi: string | null;
      captionEn: string | null;
      record: {
        id: string;
        title: string;
        type: string;
        published: boolean;
        /** The record's language (MARC code or BCP 47), for `lang` on its title. */
        language: string | null;
        image: ImageView | null;
      };
    }
  | { id: string; kind: 'image'; captionVi: string | null; captionEn: string | null; image: ImageView };

export interface SectionView extends SectionValues {
  /** Optimistic version of the section's heading and text. */
  version: number;
  items: ExhibitionItemView[];
}

export interface ExhibitionView extends ExhibitionRow {
  sections: SectionView[];
  /** The first image of the story (cover in lists and JSON-LD). */
  cover: ImageView | null;
}

function imageOfItem(i: ItemRow): ImageView {
  return {
    id: i.id,
    fileId: i.fileId as string,
    position: i.position,
    altVi: i.altVi ?? '',
    altEn: i.altEn,
    captionVi: i.captionVi,
    captionEn: i.captionEn,
    mime: i.mime ?? 'image/jpeg',
    width: i.width,
    height: i.height,
    variants: i.variants ?? {},
  };
}

/** Sections with their items; `publicOnly` drops objects whose record is not published. */
export async function loadStory(deps: Deps, ex: ExhibitionRow, publicOnly: boolean): Promise<ExhibitionView> {
  const sections = await deps.repos.exhibitions.listSections(deps.db, ex.id);
  const items = await deps.repos.exhibitions.listItems(
    deps.db,
    sections.map((s) => s.id),
  );
  const recordIds = [...new Set(items.flatMap((i) => (i.recordId ? [i.recordId] : [])))];
  const [images, summaries] = await Promise.all([
    catalogueRecordsPort.firstImages(deps, deps.db, recordIds),
    catalogueRecordsPort.summaries(deps, deps.db, recordIds),
  ]);
  const firstImages = new Map(images.map((img) => [img.recordId, img]));
  const records = new Map(summaries.map((r) => [r.id, r]));
  const views: SectionView[] = sections.map((s) => ({
    ...s,
    items: items
      .filter((i) => i.sectionId === s.id)
      .filter((i) => !publicOnly || !i.recordId || records.get(i.recordId)?.published === true)
      .map((i): ExhibitionItemView => {
        if (i.recordId)
          return {
            id: i.id,
            kind: 'record',
            captionVi: i.captionVi,
            captionEn: i.captionEn,
            record: {
              id: i.recordId,
              title: records.get(i.recordId)?.title ?? '',
              type: records.get(i.recordId)?.type ?? 'museum_object',
              published: records.get(i.recordId)?.published === true,
              language: records.get(i.recordId)?.language ?? null,
              image: firstImages.get(i.recordId) ?? null,
            },
          };
        return {
          id: i.id,
          kind: 'image',
          captionVi: i.captionVi,
          captionEn: i.captionEn,
          image: imageOfItem(i),
        };
      }),
  }));
  let cover: ImageView | null = null;
  for (const s of views)
    for (const i of s.items) {
      const img = i.kind === 'image' ? i.image : i.record.image;
      if (!cover && img) cover = img;
    }
  return { ...ex, sections: views, cover };
}

export async function listPublishedExhibitions(deps: Deps, actor: Actor): Promise<ExhibitionView[]> {
  authorize(actor, 'exhibitions.exhibition.read');
  const list = await deps.repos.exhibitions.listPublished(deps.db, 100);
  return Promise.all(list.map((ex) => loadStory(deps, ex, true)));
}

/** A published exhibition for anyone; a draft only for staff of its unit (others get 404, never 403). */
export async function getPublicExhibition(
  deps: Deps,
  actor: Actor,
  slugOrId: string,
): Promise<ExhibitionView> {
  authorize(actor, 'exhibitions.exhibition.read');
  const ex = await deps.repos.exhibitions.bySlugOrId(deps.db, slugOrId);
  if (
    !ex ||
    (ex.status !== 'published' &&
      !can(actor, 'exhibitions.exhibition.read_unpublished', { unitId: ex.unitId }))
  )
    throw notFound('exhibitions.exhibition');
  return loadStory(deps, ex, true);
}

/** The back-office view: every item, drafts included; the actor must be allowed to edit it. */
export async function getExhibitionForStaff(deps: Deps, actor: Actor, id: string): Promise<ExhibitionView> {
  const ex = await deps.repos.exhibitions.get(deps.db, id);
  if (!ex || !can(actor, 'exhibitions.exhibition.update', { unitId: ex.unitId })) {
    authorize(actor, 'exhibitions.exhibition.list');
    throw notFound('exhibitions.exhibition');
  }
  return loadStory(deps, ex, false);
}

export async function listExhibitionsForStaff(deps: Deps, actor: Actor): Promise<ExhibitionRow[]> {
  authorize(actor, 'exhibitions.exhibition.list');
  return deps.repos.exhibitions.listForUnits(
    deps.db,
    scopeRoots(actor, 'exhibitions.exhibition.update'),
    200,
  );
}

export async function exhibitionsShowingRecord(
  deps: Deps,
  actor: Actor,
  recordId: string,
): Promise<Array<{ id: string; slug: string; titleVi: string; titleEn: string | null }>> {
  authorize(actor, 'exhibitions.exhibition.read');
  return deps.repos.exhibitions.publishedWithRecord(deps.db, recordId);
}

/** Units the actor may start an exhibition for (current units only). */
export async function exhibitionUnits(
  deps: Deps,
  actor: Actor,
): Promise<Array<{ id: string; name: string }>> {
  authorize(actor, 'exhibitions.exhibition.list');
  const units = await deps.repos.units.all(deps.db);
  return units
    .filter((u) => u.validTo === null && can(actor, 'exhibitions.exhibition.create', { unitId: u.id }))
    .map((u) => ({ id: u.id, name: u.name }));
}
