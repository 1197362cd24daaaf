// The two catalogues must stay in step: same keys, same {placeholders} per key, nothing left empty.
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json' with { type: 'json' };
import vi from '../../messages/vi.json' with { type: 'json' };
import { localePath, switchLocalePath, t } from './i18n.server.ts';

const catalogues: Record<string, Record<string, string>> = { vi, en };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have exactly the same keys', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(
      enKeys.filter((k) => !(k in vi)),
      'keys only in en.json',
    ).toEqual([]);
    expect(
      viKeys.filter((k) => !(k in en)),
      'keys missing from en.json',
    ).toEqual([]);
  });

  it('use the same {placeholders} for each key', () => {
    const mismatched = Object.keys(vi)
      .filter((k) => k in en)
      .filter(
        (k) =>
          JSON.stringify(placeholders((vi as Record<string, string>)[k] ?? '')) !==
          JSON.stringify(placeholders((en as Record<string, string>)[k] ?? '')),
      );
    expect(mismatched).toEqual([]);
  });

  it('have no empty values', () => {
    for (const [name, catalogue] of Object.entries(catalogues)) {
      const empty = Object.entries(catalogue)
        .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        .map(([k]) => k);
      expect(empty, `empty values in ${name}.json`).toEqual([]);
    }
  });
});

describe('t()', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const key = Object.keys(vi).find((k) => placeholders((vi as Record<string, string>)[k] ?? '').length > 0);
    if (!key) return;
    const names = placeholders((vi as Record<string, string>)[key] ?? '');
    const params = Object.fromEntries(names.map((n) => [n, `«${n}»`]));
    const filled = t('en', key as keyof typeof vi, params);
    for (const n of names) expect(filled).toContain(`«${n}»`);
  });

  it('builds and switches language paths', () => {
    expect(localePath('vi', '/admin')).toBe('/admin');
    expect(localePath('en', '/')).toBe('/en');
    expect(localePath('en', 'admin')).toBe('/en/admin');
    expect(switchLocalePath('/en/admin/users', '?q=1', 'vi')).toBe('/admin/users?q=1');
    expect(switchLocalePath('/en', '', 'vi')).toBe('/');
    expect(switchLocalePath('/', '', 'en')).toBe('/en');
    expect(switchLocalePath('/english-club', '', 'en')).toBe('/en/english-club');
  });

  it('never links to another site from a crafted request path', () => {
    expect(switchLocalePath('/en//evil.example', '', 'vi')).toBe('/');
    expect(switchLocalePath('//evil.example', '', 'vi')).toBe('/');
    expect(switchLocalePath('/en/.//evil.example', '', 'vi')).toBe('/');
  });
});
