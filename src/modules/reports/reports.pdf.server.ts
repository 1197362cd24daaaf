// DOCX → PDF through LibreOffice (`soffice --headless --convert-to pdf`) when it is installed on the server.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { timeout: timeoutMs }, (err) => (err ? reject(err) : resolve())),
  );
}

let available: Promise<boolean> | undefined;
/** Whether `soffice` can be started (checked once per process). */
export function libreOfficeAvailable(): Promise<boolean> {
  available ??= run('soffice', ['--version'], 30_000).then(
    () => true,
    () => false,
  );
  return available;
}

export async function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'suotdoi-pdf-'));
  try {
    await writeFile(join(dir, 'report.docx'), docx);
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'report.docx'),
      ],
      120_000,
    );
    return new Uint8Array(await readFile(join(dir, 'report.pdf')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
