// The equity view's suppression threshold (issue 13): cells of 1 … threshold−1 people are hidden. Default 10;
// the focal point or an administrator changes it on a small form (versioned: a stale save is refused; audited
// with the value it replaced).
import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import { can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { forbidden } from '../../lib/errors.ts';
import { staleVersion, VersionSchema } from '../../lib/versions.server.ts';
import { settingsPort } from '../settings/index.server.ts';
import { EQUITY_THRESHOLD_KEY, equityThreshold } from './indicators.equity.server.ts';

export const EQUITY_THRESHOLD_MIN = 2;
export const EQUITY_THRESHOLD_MAX = 100;

export const EquityThresholdSchema = z.strictObject({
  threshold: z.number().int().min(EQUITY_THRESHOLD_MIN).max(EQUITY_THRESHOLD_MAX),
  version: VersionSchema,
});
export type EquityThresholdInput = z.infer<typeof EquityThresholdSchema>;

export function mayConfigureEquity(actor: Actor): boolean {
  return can(actor, 'indicators.equity.configure');
}

export async function readEquityThreshold(
  deps: AppDeps,
  actor: Actor,
): Promise<{ threshold: number; version: number }> {
  if (!mayConfigureEquity(actor)) throw forbidden();
  const [threshold, version] = await Promise.all([
    equityThreshold(deps),
    settingsPort.version(deps, deps.db, EQUITY_THRESHOLD_KEY),
  ]);
  return { threshold, version };
}

export async function updateEquityThreshold(
  deps: AppDeps,
  actor: Actor,
  input: EquityThresholdInput,
): Promise<void> {
  if (!mayConfigureEquity(actor)) throw forbidden();
  await deps.db.transaction(async (tx) => {
    if ((await settingsPort.version(deps, tx, EQUITY_THRESHOLD_KEY, true)) !== input.version)
      throw staleVersion('indicators.equityThreshold');
    const before = await settingsPort.write(deps, tx, EQUITY_THRESHOLD_KEY, input.threshold);
    await deps.audit.record(tx, actor, {
      action: 'indicators.equityThreshold.set',
      entityType: 'setting',
      entityId: EQUITY_THRESHOLD_KEY,
      before: { threshold: before ?? null },
      after: { threshold: input.threshold },
    });
    await settingsPort.bumpVersion(deps, tx, EQUITY_THRESHOLD_KEY);
  });
}
