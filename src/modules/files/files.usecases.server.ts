// Storing an upload: inspect it (files.validate.ts), re-encode images (metadata stripped, so nothing the
// uploader hid in EXIF/ICC or trailing bytes survives) and make their derivatives, then record the row.
// On any failure nothing is kept: the temp file and any partial directory are removed.
import { rm } from 'node:fs/promises';
import sharp from 'sharp';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from './files.ids.server.ts';
import type { FileVisibility, ImageVariant, StoredFile, VariantInfo } from './files.repository.server.ts';
import { ensureFileDir, moveInto, removeFileDir, sha256OfFile, variantPath } from './files.storage.server.ts';
import { cleanFileName, type FileKind, IMAGE_MIMES, inspectUpload } from './files.validate.server.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'config' | 'logger'>;

export interface StoreInput {
  tempPath: string;
  fileName: string;
  kind: FileKind;
  visibility: FileVisibility;
  unitId: string | null;
}

export const IMAGE_SIZES: Record<ImageVariant, number> = { thumb: 320, medium: 960, large: 1920 };
/** Decompression-bomb guard for images: 50 megapixels is far above any photo a unit uploads. */
const MAX_PIXELS = 50_000_000;

export async function storeUploadedFile(deps: Deps, actor: Actor, input: StoreInput): Promise<StoredFile> {
  const id = newId('file');
  let dirMade = false;
  try {
    const originalName = cleanFileName(input.fileName);
    const sniffed = await inspectUpload(input.tempPath, input.kind);
    const dir = await ensureFileDir(deps.config.dataDir, id);
    dirMade = Boolean(dir);
    const isImage = (IMAGE_MIMES as readonly string[]).includes(sniffed.mime);
    let width: number | null = null;
    let height: number | null = null;
    const variants: Partial<Record<ImageVariant, VariantInfo>> = {};
    let size = sniffed.size;
    const ext = sniffed.ext;
    const original = variantPath(deps.config.dataDir, id, 'original', ext);
    if (isImage) {
      const img = sharp(input.tempPath, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
      const format = sniffed.mime === 'image/png' ? 'png' : sniffed.mime === 'image/webp' ? 'webp' : 'jpeg';
      const out = await img.toFormat(format).toFile(original);
      width = out.width;
      height = out.height;
      size = out.size;
      for (const [variant, edge] of Object.entries(IMAGE_SIZES) as Array<[ImageVariant, number]>) {
        const path = variantPath(deps.config.dataDir, id, variant, 'webp');
        const info = await sharp(original, { limitInputPixels: MAX_PIXELS })
          .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 80 })
          .toFile(path);
        variants[variant] = {
          width: info.width,
          height: info.height,
          size: info.size,
          mime: 'image/webp',
          ext: 'webp',
        };
      }
    } else {
      await moveInto(input.tempPath, original);
    }
    const file: Omit<StoredFile, 'createdAt'> = {
      id,
      kind: input.kind,
      visibility: input.visibility,
      mime: sniffed.mime,
      extension: ext,
      size,
      sha256: await sha256OfFile(original),
      originalName,
      width,
      height,
      variants,
      unitId: input.unitId,
      createdBy: actor.kind === 'user' ? actor.userId : null,
    };
    await deps.repos.files.insert(deps.db, file);
    return { ...file, createdAt: new Date() };
  } catch (e) {
    if (dirMade) await removeFileDir(deps.config.dataDir, id).catch(() => undefined);
    if (e instanceof AppError) throw e;
    // sharp refuses corrupt or oversized images with plain errors: the user gets a clear message.
    if (e instanceof Error && /Input|pixel|unsupported|corrupt|VipsJpeg|bad/i.test(e.message)) {
      deps.logger.info({ err: e.message }, 'image upload refused');
      throw new AppError('files.corrupt', 422, 'files.error.corrupt');
    }
    throw e;
  } finally {
    await rm(input.tempPath, { force: true }).catch(() => undefined);
  }
}

/** Deletes a file's row and bytes (callers check their own policy first). */
export async function deleteStoredFile(deps: Deps, id: string): Promise<void> {
  if (await deps.repos.files.delete(deps.db, id)) await removeFileDir(deps.config.dataDir, id);
}
