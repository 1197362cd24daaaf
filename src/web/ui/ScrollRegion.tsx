// A box whose wide content (a table, a chart) scrolls sideways inside it on a phone. It is focusable and
// named, so a keyboard user can scroll it too (axe `scrollable-region-focusable`, WCAG 2.1.1).
import { useT } from '../i18n.ts';

export function ScrollRegion({
  className = 'table-wrap',
  label,
  id,
  children,
}: {
  className?: string;
  /** The region's name; a generic "table, scroll sideways" by default. */
  label?: string;
  id?: string;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus to be scrolled by keyboard
    <section className={className} id={id} tabIndex={0} aria-label={label ?? t('portal.scroll.table')}>
      {children}
    </section>
  );
}
