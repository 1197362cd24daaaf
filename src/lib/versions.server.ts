// Optimistic concurrency, one shape for every editable entity: a save names the version it was loaded with;
// when someone else saved first the use case refuses with 409 (`<entity>.version_conflict`), and the API
// answer carries the entity as stored now (`current`) so the client can show the other change.
import { z } from '@hono/zod-openapi';
import { AppError } from './errors.ts';

export const VersionSchema = z
  .number()
  .int()
  .min(1)
  .openapi({ description: 'Phiên bản đã đọc; lưu với phiên bản cũ → 409 kèm bản hiện tại (`current`)' });

/** A save based on `expected` while `stored` is the version now: refused, nothing written. */
export function staleVersion(what: string): AppError {
  return new AppError(`${what}.version_conflict`, 409, 'error.versionConflict');
}

export function checkVersion(what: string, stored: number, expected: number): void {
  if (stored !== expected) throw staleVersion(what);
}

/** True for the stale-version refusals of every module (older ones say `_stale`). */
export function isVersionConflict(e: unknown): e is AppError {
  return e instanceof AppError && e.status === 409 && /(\.version_conflict|_stale|\.stale)$/.test(e.code);
}

/** Runs a save; on a version conflict, re-throws it with the entity as stored now for the API answer. */
export async function withCurrentOnConflict<T>(
  run: () => Promise<T>,
  current: () => Promise<unknown>,
): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!isVersionConflict(e) || e.current !== undefined) throw e;
    throw new AppError(e.code, e.status, e.messageKey, {
      ...(e.params ? { params: e.params } : {}),
      current: await current(),
    });
  }
}
