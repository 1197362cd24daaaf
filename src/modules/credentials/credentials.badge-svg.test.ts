import { describe, expect, it } from 'vitest';
import { badgeSvg } from './credentials.http.server.ts';

const initialsOf = (label: string) => /<text[^>]*>([^<]*)<\/text>/.exec(badgeSvg('#123456', label))?.[1];

describe('the generated badge image', () => {
  it('shows the first letters of the first two words of the name', () => {
    expect(initialsOf('Bạn của thư viện')).toBe('BC');
    expect(initialsOf('đọc sách mùa hè')).toBe('ĐS');
    expect(initialsOf('  Ông   bà  ')).toBe('ÔB');
  });

  it('shows the first two letters of a one-word name, whatever its Unicode form', () => {
    expect(initialsOf('Ước'.normalize('NFD'))).toBe('ƯỚ');
  });

  it('never lets markup of the name into the SVG', () => {
    expect(initialsOf('<script> "x"')).toBe('SX');
    expect(badgeSvg('#123456', '<&>')).not.toMatch(/<&>/);
  });
});
