// The parts every back-office register list shares: a GET filter form (works without JavaScript) and the
// CSV/XLSX export links of the same query. Fields inside the form come from ./Field.tsx and ./FilterSelect.tsx.
import type { ReactNode } from 'react';
import { useT } from '../i18n.ts';

export function FilterForm({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <form method="get" className="filters">
      {children}
      <button type="submit">{t('ui.filter.submit')}</button>
    </form>
  );
}

/** `base` is the export route without its format, e.g. `/admin/news/export`; `search` from readListQuery. */
export function ExportLinks({ base, search }: { base: string; search: string }) {
  const t = useT();
  return (
    <p>
      <a href={`${base}/csv${search}`}>{t('ui.export.csv')}</a>
      {' · '}
      <a href={`${base}/xlsx${search}`}>{t('ui.export.xlsx')}</a>
    </p>
  );
}
