// Photos of a place: public images (files module: type sniffed, re-encoded, metadata stripped, derivatives)
// each with a required text alternative. Permission is checked before anything is stored.
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorizeEdit } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { authorizeAnywhere } from '../access/access.scope.ts';
import { storeUploadedFile } from '../files/files.usecases.server.ts';
import type { PlacePhoto } from './places.table.server.ts';
import { placeForWrite, placeVisible } from './places.usecases.server.ts';

export const MAX_PHOTOS = 12;

export async function addPlacePhoto(
  deps: AppDeps,
  actor: Actor,
  placeId: string,
  upload: { tempPath: string; fileName: string },
  altText: string,
): Promise<PlacePhoto> {
  let unitId: string;
  const alt = altText.trim().normalize('NFC');
  try {
    authorizeAnywhere(actor, 'places.place.update');
    const place = await deps.repos.places.byId(deps.db, placeId);
    if (!place) throw notFound('places.place');
    authorizeEdit(actor, 'places.place.update', place.unitId, placeVisible(actor, place), 'places.place');
    if (alt.length < 2 || alt.length > 300)
      throw new AppError('places.alt_required', 422, 'places.error.altRequired');
    if (place.photos.length >= MAX_PHOTOS)
      throw new AppError('places.too_many_photos', 422, 'places.error.tooManyPhotos', {
        params: { max: MAX_PHOTOS },
      });
    unitId = place.unitId;
  } catch (e) {
    await rm(upload.tempPath, { force: true });
    throw e;
  }
  const file = await storeUploadedFile(deps, actor, {
    tempPath: upload.tempPath,
    fileName: upload.fileName,
    kind: 'image',
    visibility: 'public',
    unitId,
  });
  const photo: PlacePhoto = { fileId: file.id, alt };
  await deps.db.transaction(async (tx) => {
    const place = await placeForWrite(deps, tx, actor, placeId);
    await deps.repos.places.update(tx, placeId, { photos: [...place.photos, photo] });
    await deps.audit.record(tx, actor, {
      action: 'places.photo.add',
      entityType: 'place',
      entityId: placeId,
      unitId: place.unitId,
      after: photo,
    });
  });
  return photo;
}

export async function removePlacePhoto(
  deps: AppDeps,
  actor: Actor,
  placeId: string,
  fileId: string,
): Promise<void> {
  authorizeAnywhere(actor, 'places.place.update');
  await deps.db.transaction(async (tx) => {
    const place = await placeForWrite(deps, tx, actor, placeId);
    const removed = place.photos.find((p) => p.fileId === fileId);
    if (!removed) throw notFound('places.photo');
    await deps.repos.places.update(tx, placeId, { photos: place.photos.filter((p) => p.fileId !== fileId) });
    await deps.audit.record(tx, actor, {
      action: 'places.photo.remove',
      entityType: 'place',
      entityId: placeId,
      unitId: place.unitId,
      before: removed,
    });
  });
}
