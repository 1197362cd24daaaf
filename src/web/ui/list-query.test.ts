import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readListQuery } from './list-query.ts';

const Query = z.object({
  q: z.string().max(20).optional(),
  kind: z.enum(['a', 'b']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
const read = (qs: string) => readListQuery(Query, new URL(`http://x/admin/list${qs}`));

describe('a register list query', () => {
  it('keeps only the keys its schema names, trimmed, and carries the validated ones to the export links', () => {
    const r = read('?q=%20s%C3%A1ch%20&kind=a&year=2025&evil=1&page=');
    expect(r.raw).toEqual({ q: 'sách', kind: 'a', year: '2025' });
    expect(r.query).toEqual({ q: 'sách', kind: 'a', year: 2025 });
    expect(r.search).toBe('?q=s%C3%A1ch&kind=a&year=2025');
    expect(r.error).toBeNull();
  });

  it('treats an empty value as not given and gives no query string when nothing is left', () => {
    const r = read('?q=%20%20&kind=');
    expect(r.query).toEqual({});
    expect(r.search).toBe('');
  });

  it('lists unfiltered, with the reason, when a value does not validate — and never carries it into an export', () => {
    const r = read('?kind=zzz&q=ok');
    expect(r.query).toEqual({});
    expect(r.search).toBe('');
    expect(r.error?.issues[0]?.path).toEqual(['kind']);
    expect(r.raw).toEqual({ kind: 'zzz', q: 'ok' });
  });
});
