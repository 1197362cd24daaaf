// Where file bytes live: DATA_DIR/files/<2 chars>/<id>/<variant>.<ext>. Paths are built only from our own
// ids and fixed variant names, never from anything the uploader sent. With several hosts, DATA_DIR/files
// must be shared storage (see docs/operations.md).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ID_PATTERN } from '../../lib/ids.server.ts';

export type Variant = 'original' | 'thumb' | 'medium' | 'large';
export const VARIANTS: readonly Variant[] = ['original', 'thumb', 'medium', 'large'];

export function fileDir(dataDir: string, id: string): string {
  if (!ID_PATTERN.test(id)) throw new Error(`not a file id: ${id}`);
  return join(dataDir, 'files', id.slice(5, 7), id);
}

export function variantPath(dataDir: string, id: string, variant: Variant, ext: string): string {
  if (!/^[a-z0-9]{2,5}$/.test(ext)) throw new Error(`bad extension ${ext}`);
  return join(fileDir(dataDir, id), `${variant}.${ext}`);
}

export async function ensureFileDir(dataDir: string, id: string): Promise<string> {
  const dir = fileDir(dataDir, id);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Moves a file, copying when the source sits on another file system (uploads land in the temp dir). */
export async function moveInto(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EXDEV') throw e;
    await copyFile(from, to);
    await rm(from, { force: true });
  }
}

export async function removeFileDir(dataDir: string, id: string): Promise<void> {
  await rm(fileDir(dataDir, id), { recursive: true, force: true });
}

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}
