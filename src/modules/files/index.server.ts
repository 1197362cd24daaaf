// The files module's public surface: what other modules and pages may use.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from './files.ids.server.ts';

/** A fresh path for an upload being received, in `dir` (made if missing): `<dir>/file_….upload`. */
export async function newUploadPath(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return join(dir, `${newId('file')}.upload`);
}
