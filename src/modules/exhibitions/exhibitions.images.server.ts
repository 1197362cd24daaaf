// Uploading an image into an exhibition section: texts checked first (the Vietnamese alt text is required)
// and the actor's right to edit the exhibition, then the files module stores it (public, derivatives made),
// then the item is placed. Nothing is stored when a check fails; the temp file is always removed.
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { parseImageText } from '../catalogue/media/media.usecases.server.ts';
import { deleteStoredFile, storeUploadedFile } from '../files/files.usecases.server.ts';
import type { ImageText } from './exhibitions.schemas.server.ts';
import { addImageItem, sectionOf } from './exhibitions.usecases.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'config' | 'logger'>;

export async function addUploadedImage(
  deps: Deps,
  actor: Actor,
  exhibitionId: string,
  sectionId: string,
  upload: { tempPath: string; fileName: string },
  rawText: unknown,
): Promise<string> {
  let text: ImageText;
  let unitId: string;
  try {
    text = parseImageText(rawText);
    unitId = (await sectionOf(deps, actor, exhibitionId, sectionId)).ex.unitId;
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
  try {
    return await addImageItem(deps, actor, exhibitionId, sectionId, file.id, text);
  } catch (e) {
    await deleteStoredFile(deps, file.id).catch(() => undefined);
    throw e;
  }
}
