import { describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n.server.ts';
import { pluralKey } from './plural.ts';

describe('plural forms', () => {
  it('says "1 event" and "2 events" in English, "1 sự kiện" and "2 sự kiện" in Vietnamese', () => {
    expect(t('en', pluralKey('en', 'portal.cal.count', 1), { count: 1 })).toBe('1 event');
    expect(t('en', pluralKey('en', 'portal.cal.count', 2), { count: 2 })).toBe('2 events');
    expect(t('en', pluralKey('en', 'portal.cal.count', 0), { count: 0 })).toBe('0 events');
    expect(t('vi', pluralKey('vi', 'portal.cal.count', 1), { count: 1 })).toBe('1 sự kiện');
  });
});
