import { describe, expect, it } from 'vitest';
import { bcp47FromMarc } from './language-tags.ts';

describe('MARC language codes as BCP 47 tags', () => {
  it('uses the two-letter code where ISO 639-1 has one', () => {
    expect(['vie', 'eng', 'chi', 'fre', 'ger', 'jpn'].map(bcp47FromMarc)).toEqual([
      'vi',
      'en',
      'zh',
      'fr',
      'de',
      'ja',
    ]);
  });
  it('uses the ISO 639-2/T code where there is no two-letter code (Cham, Hmong)', () => {
    expect(bcp47FromMarc('cmc')).toBe('cmc');
    expect(bcp47FromMarc('hmn')).toBe('hmn');
  });
  it('gives no tag for undetermined, multiple or no linguistic content, nor for junk', () => {
    expect([bcp47FromMarc('und'), bcp47FromMarc('mul'), bcp47FromMarc('zxx'), bcp47FromMarc('x1y')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
  it('keeps a tag that is already BCP 47', () => {
    expect(bcp47FromMarc('vi')).toBe('vi');
  });
});
