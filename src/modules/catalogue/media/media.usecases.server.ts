// Images on catalogue records: staff of the record's unit upload them (originals kept, derivatives made by the
// files module), give each a required Vietnamese alt text, caption and order; citizens see them on published
// records and through the record's IIIF manifest.
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../../app/deps.types.ts';
import { authorize, can } from '../../../app/policies.server.ts';
import type { Actor } from '../../../lib/authz.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { staleVersion } from '../../../lib/versions.server.ts';
import { largeImageUrl } from '../../exhibitions/exhibitions.presenters.ts';
import { exhibitionsShowingRecord } from '../../exhibitions/exhibitions.queries.server.ts';
import {
  type Direction,
  type ImageText,
  ImageTextSchema,
} from '../../exhibitions/exhibitions.schemas.server.ts';
import { clean, cleanOpt, moved } from '../../exhibitions/exhibitions.usecases.server.ts';
import { deleteStoredFile, storeUploadedFile } from '../../files/files.usecases.server.ts';
import { newId } from '../catalogue.ids.server.ts';
import { getCatalogueRecord } from '../catalogue.usecases.server.ts';
import { buildManifest } from './iiif.ts';
import type { RecordImageRow } from './media.repository.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'config' | 'logger'>;

const altRequired = () => new AppError('catalogue.image.alt_required', 422, 'exhibitions.error.altRequired');

/** Validated image texts, or 422 naming the missing alt text (checked before anything is stored). */
export function parseImageText(raw: unknown): ImageText {
  const parsed = ImageTextSchema.safeParse(raw);
  if (!parsed.success) {
    const altIssue = parsed.error.issues.some((i) => i.path[0] === 'altVi');
    throw altIssue
      ? altRequired()
      : new AppError('catalogue.image.invalid', 422, 'error.validation', {
          details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
  }
  return parsed.data;
}

/** The record, if the actor may change its images (guessed ids and others' drafts answer 404). */
async function recordForImages(deps: Deps, actor: Actor, recordId: string) {
  if (actor.kind !== 'user') authorize(actor, 'catalogue.record.update', {});
  const record = await getCatalogueRecord(deps, actor, recordId);
  authorize(actor, 'catalogue.record.update', { unitId: record.unitId });
  return record;
}

/** Images of a record the actor may read (published, or a draft of their unit). */
export async function listRecordImages(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  actor: Actor,
  recordId: string,
): Promise<RecordImageRow[]> {
  await getCatalogueRecord(deps, actor, recordId);
  return deps.repos.catalogueMedia.listImages(deps.db, recordId);
}

export async function addRecordImage(
  deps: Deps,
  actor: Actor,
  recordId: string,
  upload: { tempPath: string; fileName: string },
  rawText: unknown,
): Promise<RecordImageRow> {
  let text: ImageText;
  let record: Awaited<ReturnType<typeof recordForImages>>;
  try {
    text = parseImageText(rawText);
    record = await recordForImages(deps, actor, recordId);
  } catch (e) {
    await rm(upload.tempPath, { force: true });
    throw e;
  }
  const file = await storeUploadedFile(deps, actor, {
    tempPath: upload.tempPath,
    fileName: upload.fileName,
    kind: 'image',
    visibility: 'public',
    unitId: record.unitId,
  });
  const id = newId('img');
  await deps.db
    .transaction(async (tx) => {
      if (!(await deps.repos.catalogueMedia.lockRecord(tx, recordId))) throw notFound('catalogue.record');
      const values = {
        id,
        recordId,
        fileId: file.id,
        position: await deps.repos.catalogueMedia.nextPosition(tx, recordId),
        altVi: clean(text.altVi),
        altEn: cleanOpt(text.altEn),
        captionVi: cleanOpt(text.captionVi),
        captionEn: cleanOpt(text.captionEn),
        createdBy: actor.kind === 'user' ? actor.userId : null,
      };
      if (!values.altVi) throw altRequired();
      await deps.repos.catalogueMedia.insertImage(tx, values);
      await deps.audit.record(tx, actor, {
        action: 'catalogue.image.create',
        entityType: 'catalogue_record',
        entityId: recordId,
        unitId: record.unitId,
        after: { ...values, mime: file.mime, width: file.width, height: file.height, sha256: file.sha256 },
      });
    })
    .catch(async (e: unknown) => {
      // The placement failed (record deleted meanwhile…): the stored file would be an orphan.
      await deleteStoredFile(deps, file.id).catch(() => undefined);
      throw e;
    });
  return (await deps.repos.catalogueMedia.getImage(deps.db, id)) as RecordImageRow;
}

async function imageOf(deps: Deps, actor: Actor, recordId: string, imageId: string) {
  const record = await recordForImages(deps, actor, recordId);
  const image = await deps.repos.catalogueMedia.getImage(deps.db, imageId);
  if (!image || image.recordId !== recordId) throw notFound('catalogue.image');
  return { record, image };
}

export async function updateRecordImageText(
  deps: Deps,
  actor: Actor,
  recordId: string,
  imageId: string,
  rawText: unknown,
  /** The version the texts were loaded at; a stale one → 409, nothing written. */
  version: number,
): Promise<void> {
  const text = parseImageText(rawText);
  const { record, image } = await imageOf(deps, actor, recordId, imageId);
  const next = {
    altVi: clean(text.altVi),
    altEn: cleanOpt(text.altEn),
    captionVi: cleanOpt(text.captionVi),
    captionEn: cleanOpt(text.captionEn),
  };
  if (!next.altVi) throw altRequired();
  await deps.db.transaction(async (tx) => {
    if (!(await deps.repos.catalogueMedia.updateTexts(tx, imageId, next, version)))
      throw staleVersion('catalogue.image');
    await deps.audit.record(tx, actor, {
      action: 'catalogue.image.update',
      entityType: 'catalogue_record',
      entityId: recordId,
      unitId: record.unitId,
      before: image,
      after: { id: imageId, ...next },
    });
  });
}

export async function moveRecordImage(
  deps: Deps,
  actor: Actor,
  recordId: string,
  imageId: string,
  direction: Direction,
): Promise<void> {
  const { record } = await imageOf(deps, actor, recordId, imageId);
  await deps.db.transaction(async (tx) => {
    await deps.repos.catalogueMedia.lockRecord(tx, recordId);
    const ids = (await deps.repos.catalogueMedia.listImages(tx, recordId)).map((i) => i.id);
    const order = moved(ids, imageId, direction);
    await deps.repos.catalogueMedia.setOrder(tx, recordId, order);
    await deps.audit.record(tx, actor, {
      action: 'catalogue.image.move',
      entityType: 'catalogue_record',
      entityId: recordId,
      unitId: record.unitId,
      after: { order },
    });
  });
}

/** Removes the image from the record; the stored file stays (an exhibition or the audit trail may cite it). */
export async function deleteRecordImage(
  deps: Deps,
  actor: Actor,
  recordId: string,
  imageId: string,
): Promise<void> {
  const { record, image } = await imageOf(deps, actor, recordId, imageId);
  await deps.db.transaction(async (tx) => {
    await deps.repos.catalogueMedia.lockRecord(tx, recordId);
    await deps.repos.catalogueMedia.deleteImage(tx, imageId);
    const rest = (await deps.repos.catalogueMedia.listImages(tx, recordId)).map((i) => i.id);
    await deps.repos.catalogueMedia.setOrder(tx, recordId, rest);
    await deps.audit.record(tx, actor, {
      action: 'catalogue.image.delete',
      entityType: 'catalogue_record',
      entityId: recordId,
      unitId: record.unitId,
      before: image,
    });
  });
}

/** The IIIF manifest of a published record with images (404 otherwise, also for staff previews). */
export async function recordManifest(
  deps: Pick<AppDeps, 'db' | 'repos' | 'config'>,
  actor: Actor,
  recordId: string,
): Promise<Record<string, unknown>> {
  const record = await getCatalogueRecord(deps, actor, recordId);
  if (!record.published) throw notFound('catalogue.record');
  const images = await deps.repos.catalogueMedia.listImages(deps.db, recordId);
  if (images.length === 0) throw notFound('catalogue.manifest');
  return buildManifest(record, images, deps.config.publicUrl.replace(/\/$/, ''));
}

export interface RecordMediaView {
  images: RecordImageRow[];
  exhibitions: Array<{ id: string; slug: string; titleVi: string; titleEn: string | null }>;
  canEditImages: boolean;
  manifestUrl: string | null;
}

/** What the public record page adds to a record it already showed: images, exhibitions, IIIF link. */
export async function recordMedia(
  deps: Pick<AppDeps, 'db' | 'repos' | 'config'>,
  actor: Actor,
  record: { id: string; unitId: string; published: boolean },
): Promise<RecordMediaView> {
  const [images, exhibitions] = await Promise.all([
    deps.repos.catalogueMedia.listImages(deps.db, record.id),
    exhibitionsShowingRecord(deps, actor, record.id),
  ]);
  const base = deps.config.publicUrl.replace(/\/$/, '');
  return {
    images,
    exhibitions,
    canEditImages: can(actor, 'catalogue.record.update', { unitId: record.unitId }),
    manifestUrl: record.published && images.length ? `${base}/iiif/${record.id}/manifest.json` : null,
  };
}

/** The record's schema.org document with its images and the exhibitions featuring it. */
export function withMediaJsonLd(
  doc: Record<string, unknown>,
  media: RecordMediaView,
  base: string,
): Record<string, unknown> {
  const out = { ...doc };
  if (media.images.length)
    out.image = media.images.map((img) => ({
      '@type': 'ImageObject',
      contentUrl: largeImageUrl(img, base),
      thumbnailUrl: `${base}/media/${img.fileId}/thumb`,
      caption: img.captionVi ?? img.altVi,
      description: img.altVi,
    }));
  if (media.exhibitions.length)
    out.subjectOf = media.exhibitions.map((e) => ({
      '@type': 'ExhibitionEvent',
      name: e.titleVi,
      url: `${base}/exhibitions/${e.slug}`,
    }));
  return out;
}
