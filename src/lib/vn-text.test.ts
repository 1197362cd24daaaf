// Properties of Vietnamese folding: search must treat tone marks, composition and case as the same text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, vnCollator } from './vn-text.ts';

/** Vietnamese-looking strings: base letters, the marked vowels, đ, spaces and a little punctuation. */
const vietnamese = fc
  .array(
    fc.constantFrom(
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠƯáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ  -,.0123456789'.split(
        '',
      ),
    ),
    { maxLength: 40 },
  )
  .map((cs) => cs.join(''));
const anyText = fc.oneof(vietnamese, fc.string({ unit: 'grapheme', maxLength: 30 }));

describe('fold', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (s) => fold(fold(s)) === fold(s)));
  });

  it('gives the same result for composed (NFC) and decomposed (NFD) input', () => {
    fc.assert(fc.property(anyText, (s) => fold(s.normalize('NFC')) === fold(s.normalize('NFD'))));
  });

  it('ignores case', () => {
    fc.assert(fc.property(vietnamese, (s) => fold(s.toUpperCase()) === fold(s.toLowerCase())));
  });

  it('leaves only unmarked lower-case letters in Vietnamese text', () => {
    fc.assert(fc.property(vietnamese, (s) => /^[a-z0-9 ,.-]*$/.test(fold(s))));
  });

  it('treats the spellings of Hòa as one word', () => {
    const spellings = ['Hòa', 'hoa', 'Hoà', 'HÒA', 'Hòa'.normalize('NFD'), 'hóa', ' HOA  '];
    expect(new Set(spellings.map(fold))).toEqual(new Set(['hoa']));
  });

  it('turns đ and Đ into d', () => {
    expect(fold('Đường đến Đà Lạt')).toBe('duong den da lat');
    expect(fold('đ')).toBe('d');
  });

  it('collapses runs of white space', () => {
    expect(fold('  Thư   viện\ttỉnh\n')).toBe('thu vien tinh');
  });
});

describe('vnCollator', () => {
  it('sorts Vietnamese names in dictionary order', () => {
    expect(['Đà Nẵng', 'Cam Lâm', 'Diên Khánh', 'Ba Ngòi'].sort(vnCollator.compare)).toEqual([
      'Ba Ngòi',
      'Cam Lâm',
      'Diên Khánh',
      'Đà Nẵng',
    ]);
  });
});
