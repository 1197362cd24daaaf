// Records other registers link to a plan task instance as its evidence (articles, guidance, training,
// donations, cooperation, inspections, commendations …): every module that declares `planEvidence` in its
// descriptor, read at once. The plan knows none of them by name.
import type { AppDeps } from '../../../app/deps.types.ts';
import type { PlanEvidenceItem } from '../../../app/module.ts';
import { planEvidenceSources } from '../../../app/registries.server.ts';
import type { MessageKey } from '../../../lib/i18n.ts';

export interface EvidenceGroup {
  module: string;
  heading: MessageKey;
  items: PlanEvidenceItem[];
}

export async function linkedRecords(
  deps: AppDeps,
  instanceId: string,
): Promise<{ evidence: EvidenceGroup[] }> {
  const groups = await Promise.all(
    planEvidenceSources.map(async ({ module, source }) => ({
      module,
      heading: source.heading,
      items: await source.forPlanInstances(deps, deps.db, [instanceId]),
    })),
  );
  return { evidence: groups.filter((g) => g.items.length > 0) };
}
