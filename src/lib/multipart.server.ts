// Streams a multipart/form-data upload to disk with a byte limit: large files (MARC dumps of hundreds of MB)
// never sit in memory, unlike Request.formData(). Text fields are small and kept in memory (16 KiB each).
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { AppError } from './errors.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface SavedUpload {
  fields: Record<string, string>;
  file?:
    | {
        path: string;
        fileName: string;
        /** The name exactly as sent (a path-like name is kept so a caller can refuse it, not repair it). */
        rawName: string;
        size: number;
        head: Uint8Array;
      }
    | undefined;
}

const MAX_FIELD = 16 * 1024;
const MAX_HEADER = 8 * 1024;

export async function saveMultipartUpload(
  request: Request,
  opts: { maxBytes: number; fileField: string; filePath: string },
): Promise<SavedUpload> {
  const type = request.headers.get('content-type') ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!/^multipart\/form-data/i.test(type) || !b || !request.body)
    throw new AppError('request.malformed', 400, 'error.malformed');
  const delimiter = Buffer.from(`\r\n--${b}`);
  const out: SavedUpload = { fields: {} };
  let buf: Buffer = Buffer.from('\r\n');
  let total = 0;
  let state: 'preamble' | 'headers' | 'body' | 'done' = 'preamble';
  let part: {
    name: string;
    file: WriteStream | null;
    text: Buffer[];
    textSize: number;
    ignore: boolean;
  } | null = null;
  let fileStream: WriteStream | null = null;

  const write = async (chunk: Buffer) => {
    if (!part || part.ignore || chunk.length === 0) return;
    if (part.file) {
      if (out.file && out.file.head.length < 64)
        out.file.head = Buffer.concat([out.file.head, chunk]).subarray(0, 64);
      if (out.file) out.file.size += chunk.length;
      if (!part.file.write(chunk)) await once(part.file, 'drain');
    } else {
      part.textSize += chunk.length;
      if (part.textSize > MAX_FIELD) throw new AppError('request.too_large', 413, 'error.tooLarge');
      part.text.push(chunk);
    }
  };
  const endPart = async () => {
    if (!part) return;
    if (part.ignore) {
      part = null;
      return;
    }
    if (part.file) {
      part.file.end();
      await once(part.file, 'finish');
    } else {
      try {
        // Invalid UTF-8 in a text field is refused, never stored with replacement characters.
        out.fields[part.name] = strictUtf8.decode(Buffer.concat(part.text));
      } catch {
        throw new AppError('request.invalid_encoding', 400, 'error.text.encoding');
      }
    }
    part = null;
  };

  try {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (value) {
        total += value.length;
        if (total > opts.maxBytes) {
          await reader.cancel();
          throw new AppError('request.too_large', 413, 'error.tooLarge');
        }
        buf = Buffer.concat([buf, value]);
      }
      for (;;) {
        if (state === 'preamble' || state === 'body') {
          const idx = buf.indexOf(delimiter);
          if (idx < 0) {
            const keep = Math.max(0, buf.length - delimiter.length);
            if (state === 'body') await write(buf.subarray(0, keep));
            buf = buf.subarray(keep);
            break;
          }
          if (state === 'body') await write(buf.subarray(0, idx));
          await endPart();
          buf = buf.subarray(idx + delimiter.length);
          state = 'headers';
        }
        if (state === 'headers') {
          if (buf.length >= 2 && buf.subarray(0, 2).toString() === '--') {
            state = 'done';
            break;
          }
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) {
            if (buf.length > MAX_HEADER) throw new AppError('request.malformed', 400, 'error.malformed');
            break;
          }
          const headers = buf.subarray(0, end).toString('utf8');
          buf = buf.subarray(end + 4);
          const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
          const fileName = /filename="([^"]*)"/i.exec(headers)?.[1];
          let file: WriteStream | null = null;
          if (fileName !== undefined && name === opts.fileField && !out.file && fileName !== '') {
            fileStream = createWriteStream(opts.filePath);
            file = fileStream;
            out.file = {
              path: opts.filePath,
              fileName: fileName.replace(/^.*[\\/]/, ''),
              rawName: fileName,
              size: 0,
              head: new Uint8Array(0),
            };
          }
          // Other file parts (a second file, an empty file input) are read past and dropped.
          part = { name, file, text: [], textSize: 0, ignore: fileName !== undefined && !file };
          state = 'body';
          continue;
        }
        break;
      }
      if (done || state === 'done') break;
    }
    if (state !== 'done') throw new AppError('request.malformed', 400, 'error.malformed');
    return out;
  } catch (e) {
    fileStream?.destroy();
    await rm(opts.filePath, { force: true });
    throw e;
  }
}
