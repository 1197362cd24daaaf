// What an upload must be before it is stored: a clean name, an allowed type sniffed from the content (never
// from the name or the browser's claim), within its size limit, and — for Office files — a ZIP that does not
// expand into a bomb. Everything here reads the file; nothing executes or interprets it.
import { open as openFile, stat } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import yauzl from 'yauzl';
import { AppError } from '../../lib/errors.ts';

export type FileKind = 'evidence' | 'image';

export const MAX_BYTES: Record<FileKind, number> = {
  evidence: 20 * 1024 * 1024,
  image: 15 * 1024 * 1024,
};

export const IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const OFFICE_MIMES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const ALLOWED_MIMES: Record<FileKind, readonly string[]> = {
  evidence: ['application/pdf', ...OFFICE_MIMES, ...IMAGE_MIMES],
  image: IMAGE_MIMES,
};

/** ZIP limits for DOCX/XLSX: real documents stay far below these. */
export const ZIP_LIMITS = { entries: 5_000, totalBytes: 200 * 1024 * 1024, ratio: 200 };

const MAX_NAME = 120;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The uploader's file name, cleaned for display and for Content-Disposition. A name that tries to be a path
 * (`../../etc/passwd`, `C:\x`, `a/b`) or carries control characters is refused, not silently repaired.
 */
export function cleanFileName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (!name || name === '.' || name === '..') throw badName();
  if (/[/\\]/.test(name) || name.includes('..') || CONTROL.test(name) || /^[a-z]:/i.test(name))
    throw badName();
  const safe = name.replace(/[<>:"|?*]/g, '_').replace(/\s+/g, ' ');
  if (safe.length <= MAX_NAME) return safe;
  const dot = safe.lastIndexOf('.');
  const ext = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
  return safe.slice(0, MAX_NAME - ext.length) + ext;
}

const badName = () => new AppError('files.bad_name', 422, 'files.error.badName');

export interface SniffedFile {
  mime: string;
  ext: string;
  size: number;
}

/** Checks size, type (by content) and, for DOCX/XLSX, the ZIP's shape. Throws a user-facing AppError. */
export async function inspectUpload(path: string, kind: FileKind): Promise<SniffedFile> {
  const { size } = await stat(path);
  if (size === 0) throw new AppError('files.empty', 422, 'files.error.empty');
  if (size > MAX_BYTES[kind])
    throw new AppError('files.too_large', 413, 'files.error.tooLarge', {
      params: { max: Math.round(MAX_BYTES[kind] / 1024 / 1024) },
    });
  const type = await fileTypeFromFile(path);
  if (!type || !ALLOWED_MIMES[kind].includes(type.mime))
    throw new AppError('files.type_not_allowed', 422, `files.error.type.${kind}`);
  if (type.mime === 'application/pdf') await checkPdf(path);
  if ((OFFICE_MIMES as readonly string[]).includes(type.mime)) await checkZip(path);
  return { mime: type.mime, ext: type.ext, size };
}

async function checkPdf(path: string) {
  const fh = await openFile(path, 'r');
  try {
    const head = Buffer.alloc(8);
    await fh.read(head, 0, 8, 0);
    if (!head.toString('latin1').startsWith('%PDF-'))
      throw new AppError('files.type_not_allowed', 422, 'files.error.type.evidence');
  } finally {
    await fh.close();
  }
}

const bomb = () => new AppError('files.zip_bomb', 422, 'files.error.zipBomb');

/**
 * Walks the ZIP's central directory and inflates every entry with a running byte count: a bomb is refused
 * whether its declared sizes are honest (ratio/total checks) or lying (yauzl validates actual sizes).
 */
export function checkZip(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (err, zip) => {
      if (err || !zip) return reject(new AppError('files.corrupt', 422, 'files.error.corrupt'));
      let entries = 0;
      let total = 0;
      let failed = false;
      const fail = (e: AppError) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(e);
      };
      zip.on('error', () => fail(new AppError('files.corrupt', 422, 'files.error.corrupt')));
      zip.on('end', () => {
        if (!failed) resolve();
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (
          entries > ZIP_LIMITS.entries ||
          total > ZIP_LIMITS.totalBytes ||
          (entry.uncompressedSize > 1024 * 1024 && ratio > ZIP_LIMITS.ratio)
        )
          return fail(bomb());
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(new AppError('files.corrupt', 422, 'files.error.corrupt'));
          let seen = 0;
          stream.on('data', (chunk: Buffer) => {
            seen += chunk.length;
            if (seen > ZIP_LIMITS.totalBytes) {
              stream.destroy();
              fail(bomb());
            }
          });
          stream.on('error', () => fail(bomb()));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}
