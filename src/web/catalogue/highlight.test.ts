import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';

describe('highlight', () => {
  it('marks the words a folded query asked for, whatever their accents and case', () => {
    expect(highlight('Lịch sử Khánh Hòa', ['khanh', 'hoa'])).toEqual([
      { text: 'Lịch sử ', mark: false },
      { text: 'Khánh', mark: true },
      { text: ' ', mark: false },
      { text: 'Hòa', mark: true },
    ]);
  });

  it('marks whole words only and leaves a text without query words whole', () => {
    expect(highlight('Hoa sen: văn hóa', ['hoa'])).toEqual([
      { text: 'Hoa', mark: true },
      { text: ' sen: văn ', mark: false },
      { text: 'hóa', mark: true },
    ]);
    expect(highlight('Địa chí', ['hoa'])).toEqual([{ text: 'Địa chí', mark: false }]);
    expect(highlight('Địa chí', [])).toEqual([{ text: 'Địa chí', mark: false }]);
  });
});
