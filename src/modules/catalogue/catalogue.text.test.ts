import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../lib/vn-text.ts';
import {
  editDistance,
  editNeighbours,
  exactText,
  foldWordsText,
  identifierQuery,
  queryWords,
  vnSortKey,
  wordsText,
} from './catalogue.text.ts';

const vietnamese = fc.string({
  unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạệỆĐừỪ -.'.split('')),
  maxLength: 30,
});

describe('catalogue text', () => {
  it('folds idempotently and gives NFC and NFD the same query words', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        expect(fold(fold(s))).toBe(fold(s));
        expect(queryWords(s.normalize('NFD'))).toEqual(queryWords(s.normalize('NFC')));
      }),
    );
  });

  it('folds word by word (memoised) exactly as it folds a whole text', () => {
    fc.assert(
      fc.property(vietnamese, (s) => {
        expect(foldWordsText(wordsText(s))).toBe(fold(wordsText(s)));
      }),
    );
  });

  it('splits a query into folded and exact words without punctuation', () => {
    expect(queryWords('  KHÁNH   Hòa-Đà, lạt! ')).toEqual({
      exact: ['khánh', 'hòa', 'đà', 'lạt'],
      folded: ['khanh', 'hoa', 'da', 'lat'],
    });
    expect(exactText(['Lịch sử Khánh Hòa', 'Nguyễn Văn A.'])).toBe(' lịch sử khánh hòa nguyễn văn a ');
  });

  it('sorts in Vietnamese alphabet order, tones second', () => {
    const words = [
      'đa',
      'da',
      'ăn',
      'an',
      'ân',
      'b',
      'ơ',
      'o',
      'ô',
      'ư',
      'u',
      'à',
      'á',
      'a',
      'ả',
      'e',
      'ê',
      'Đà Lạt',
      'Dương',
    ];
    const sorted = [...words].sort((x, y) =>
      vnSortKey(x) < vnSortKey(y) ? -1 : vnSortKey(x) > vnSortKey(y) ? 1 : 0,
    );
    expect(sorted).toEqual([
      'a',
      'à',
      'ả',
      'á',
      'an',
      'ăn',
      'ân',
      'b',
      'da',
      'Dương',
      'đa',
      'Đà Lạt',
      'e',
      'ê',
      'o',
      'ô',
      'ơ',
      'u',
      'ư',
    ]);
  });

  it('generates every one-edit neighbour and measures edit distance with swaps', () => {
    const n = editNeighbours('hao');
    expect(n).toContain('hoa');
    expect(n).toContain('ha');
    expect(n).toContain('khao');
    expect(n).not.toContain('hao');
    expect(editDistance('hao', 'hoa')).toBe(1);
    expect(editDistance('khanh', 'kahnh')).toBe(1);
    expect(editDistance('thu vien', 'thu vien')).toBe(0);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), (w) =>
        editNeighbours(w).every((x) => editDistance(w, x) === 1),
      ),
    );
  });

  it('recognises identifiers in a query, in both ISBN forms, and nothing else', () => {
    expect(identifierQuery('isbn 978-604-0-00001-9')).toEqual(['9786040000019', '6040000015']);
    expect(identifierQuery('ISBN 604000001x')).toEqual(['604000001X', '9786040000019']);
    expect(identifierQuery('9786040000019')).toEqual(['9786040000019', '6040000015']);
    expect(identifierQuery('ISSN 1859-0012')).toEqual(['18590012']);
    expect(identifierQuery('mã vạch VV.012345')).toEqual(['VV012345']);
    expect(identifierQuery('Biển đảo xứ Vạn Ninh số 359')).toBeNull();
    expect(identifierQuery('lịch sử 2020')).toBeNull();
    expect(identifierQuery('isbn')).toBeNull();
    expect(identifierQuery('1234567')).toBeNull();
  });

  it('keeps up to 12 query words (a pasted title with its author)', () => {
    const q = 'Địa chí của Đà Lạt tập 1 số 294 Ngô Gia Hương thêm';
    expect(queryWords(q).folded).toEqual([
      'dia',
      'chi',
      'cua',
      'da',
      'lat',
      'tap',
      '1',
      'so',
      '294',
      'ngo',
      'gia',
      'huong',
    ]);
  });
});
