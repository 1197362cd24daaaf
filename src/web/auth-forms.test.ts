import { describe, expect, it } from 'vitest';
import { safeNext } from './auth-forms.ts';

describe('safeNext', () => {
  it('keeps local paths with their query', () => {
    expect(safeNext('/admin/plan?year=2025', '/')).toBe('/admin/plan?year=2025');
    expect(safeNext('/en/account', '/')).toBe('/en/account');
  });

  it('refuses anything that could leave the site', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      'evil.example',
      '',
      null,
      42,
    ]) {
      expect(safeNext(bad, '/'), String(bad)).toBe('/');
    }
  });
});
