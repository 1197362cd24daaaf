// The query string of a back-office register list (search box, filters), read once for the loader: each key
// the schema names, trimmed, empty meaning "not given". `search` is what the page's export links and paging
// append — only the values that validated, so a bad one is never carried into an export.
import type { z } from 'zod';

export interface ListQuery<T> {
  /** The values as typed (for the form to show back). */
  raw: Record<string, string>;
  /** The validated query, or `{}` when it did not validate. */
  query: Partial<T>;
  /** `?a=b&…` of the validated values, or '' when there are none. */
  search: string;
  /** Why the query did not validate (the page shows it; the list is then unfiltered). */
  error: z.ZodError | null;
}

export function readListQuery<S extends z.ZodObject<z.ZodRawShape>>(
  schema: S,
  url: URL,
): ListQuery<z.infer<S>> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = url.searchParams.get(key)?.trim();
    if (v) raw[key] = v;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { raw, query: {}, search: '', error: parsed.error };
  const kept = Object.entries(parsed.data as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => [k, String(v)]);
  const qs = new URLSearchParams(kept).toString();
  return { raw, query: parsed.data, search: qs ? `?${qs}` : '', error: null };
}
