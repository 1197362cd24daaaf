// Background job kinds in words (issue 19, item 12): the jobs page and the dashboard never show a raw code
// alone. Each module names its own kinds in its descriptor (`jobLabels`); a kind nobody named falls back to
// "Tác vụ {kind}" (src/web/admin/job-kinds.test.ts fails for any registered kind without words).
import { jobLabels } from '../../app/registries.server.ts';
import type { MessageKey } from '../../lib/i18n.ts';

/** The message for a job kind; the fallback message takes the raw kind as `{kind}`. */
export function jobKindKey(kind: string): MessageKey {
  return jobLabels[kind] ?? 'portal.jobKind.other';
}
