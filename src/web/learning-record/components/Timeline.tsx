// The learner's timeline: newest first, each entry with its date, what was done, its category and hours,
// and whether the platform saw it or a learning tool reported it.
import type { MessageKey } from '../../../lib/i18n.ts';
import { useT } from '../../i18n.ts';

export interface TimelineItem {
  id: string;
  at: string;
  verb: string;
  name: string;
  category: string | null;
  hours: number | null;
  fromTool: boolean;
}

export function Timeline({ items }: { items: TimelineItem[] }) {
  const t = useT();
  if (items.length === 0) return <p>{t('lrs.record.empty')}</p>;
  return (
    <ol className="lr-timeline">
      {items.map((e) => (
        <li key={e.id}>
          <strong>{t(`lrs.verb.${e.verb}` as MessageKey)}</strong>: {e.name}
          <br />
          <span className="muted">
            {e.at}
            {e.category ? ` · ${t(`lrs.category.${e.category}` as MessageKey)}` : ''}
            {e.hours ? ` · ${t('lrs.record.duration', { hours: e.hours.toLocaleString('vi-VN') })}` : ''}
            {` · ${t(e.fromTool ? 'lrs.record.byTool' : 'lrs.record.byPlatform')}`}
          </span>
        </li>
      ))}
    </ol>
  );
}
