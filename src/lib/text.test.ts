import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank, multiLineText, normalizeText, singleLineText, textProblem } from './text.server.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them
const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them
const CONTROL_MULTI = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const INVISIBLE_EDGE = /^[\s\u200b-\u200d\u2060\ufeff]|[\s\u200b-\u200d\u2060\ufeff]$/;

// Strings made to hit the interesting cases often: Vietnamese in both forms, invisibles, controls, halves.
const nasty = fc.constantFrom(
  '\ud800',
  '\udc00',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e',
  '\u2066',
  '\u0085',
  '\u0007',
  '\t',
  '\n',
  '\r\n',
  '\ufffd',
  ' ',
  '👨\u200d👩\u200d👧',
  'Nguyễn'.normalize('NFD'),
  'đọc sách',
  'a',
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(nasty, { maxLength: 12 }).map((a) => a.join('')),
);

describe('text at the boundary', () => {
  it('keeps Vietnamese intact: decomposed input is stored NFC with every diacritic', () => {
    const nfd = 'Nguyễn Thị Ánh Tuyết — Đọc sách cùng con'.normalize('NFD');
    expect(singleLineText({ max: 100 }).parse(nfd)).toBe(
      'Nguyễn Thị Ánh Tuyết — Đọc sách cùng con'.normalize('NFC'),
    );
  });

  it('refuses lone surrogates and replacement characters, control and bidi characters in one line', () => {
    const line = singleLineText({ max: 100 });
    for (const bad of [
      'Sách \ud800',
      '\udc00',
      'Ng\ufffduyen',
      'a\tb',
      'a\nb',
      'a\u0085b',
      'Ngày \u202eđọc',
      '\u2066x\u2069',
    ])
      expect(line.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('keeps new lines and tabs in multi-line text, turns \\r\\n into \\n and strips bidi controls there', () => {
    expect(multiLineText({ max: 100 }).parse('Dòng 1\r\n\tDòng 2\u202e')).toBe('Dòng 1\n\tDòng 2');
    expect(multiLineText({ max: 100 }).safeParse('a\u0007b').success).toBe(false);
  });

  it('treats a value of only zero-width characters as empty, so a required title fails', () => {
    expect(singleLineText({ min: 1, max: 10 }).safeParse('\u200b\u200b\ufeff\u2060').success).toBe(false);
    expect(isBlank(' \u200b\u200c\u200d ')).toBe(true);
    expect(isBlank('\u200ba')).toBe(false);
  });

  it('removes zero-width characters inside a name, but keeps the joiner of an emoji sequence', () => {
    expect(normalizeText('Ad\u200bmin\u2060', 'single')).toBe('Admin');
    expect(normalizeText('Gia đình 👨\u200d👩\u200d👧', 'single')).toBe('Gia đình 👨\u200d👩\u200d👧');
    expect(normalizeText('a\u200db', 'single')).toBe('ab');
    expect(normalizeText('a\u200bb', 'multi')).toBe('a\u200bb');
  });

  it('any string is either refused or becomes NFC without lone surrogates, controls, bidi or invisible ends', () => {
    for (const kind of ['single', 'multi'] as const) {
      const schema = kind === 'single' ? singleLineText({ max: 1000 }) : multiLineText({ max: 1000 });
      fc.assert(
        fc.property(anyText, (raw) => {
          const r = schema.safeParse(raw);
          if (!r.success) return textProblem(raw, kind) !== null || r.error.issues.length > 0;
          const v = r.data;
          return (
            v === v.normalize('NFC') &&
            !LONE_SURROGATE.test(v) &&
            !v.includes('\ufffd') &&
            !BIDI.test(v) &&
            !(kind === 'single' ? CONTROL_SINGLE : CONTROL_MULTI).test(v) &&
            !INVISIBLE_EDGE.test(v) &&
            normalizeText(v, kind) === v // idempotent
          );
        }),
        { numRuns: 2000 },
      );
    }
  });
});
