import { describe, expect, it } from 'vitest';
import { jobHandlers, jobLabels } from '../../app/registries.server.ts';
import { t } from '../../lib/i18n.server.ts';
import { jobKindKey } from './job-kinds.server.ts';

describe('job kinds in words', () => {
  it('names every job kind the modules register, in both languages', () => {
    for (const kind of Object.keys(jobHandlers)) {
      expect(Object.keys(jobLabels), `${kind}: add it to its module's jobLabels`).toContain(kind);
      expect(t('vi', jobKindKey(kind), { kind })).not.toContain(kind);
      expect(t('en', jobKindKey(kind), { kind })).not.toContain(kind);
    }
  });
  it('names no kind that no module runs', () => {
    for (const kind of Object.keys(jobLabels)) expect(Object.keys(jobHandlers)).toContain(kind);
  });
  it('falls back to a sentence with the code for a kind not named yet', () => {
    expect(t('vi', jobKindKey('news.publish'), { kind: 'news.publish' })).toBe('Tác vụ news.publish');
  });
});
