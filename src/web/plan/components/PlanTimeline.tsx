// The instance's history as an ordered list: who did what when, state changes (from → to) and comments.
import type { Translate } from '../../../lib/i18n.ts';
import { useT } from '../../i18n.ts';

export interface TimelineEvent {
  id: string;
  at: string;
  kind: string;
  unitName: string | null;
  fromState: string | null;
  toState: string | null;
  comment: string | null;
  actorName: string | null;
}

const stateLabel = (t: Translate, s: string | null) => (s ? t(`planwork.state.${s as 'draft'}`) : '—');
const statusLabel = (t: Translate, s: string | null) =>
  s ? t(`planwork.status.${s as 'not_started'}`) : '—';

function eventText(t: Translate, e: TimelineEvent): string {
  switch (e.kind) {
    case 'assigned':
      return e.comment ? t('planwork.event.assigned', { name: e.comment }) : t('planwork.event.unassigned');
    case 'due_date':
      return t('planwork.event.dueDate', {
        from: e.fromState ? e.fromState.split('-').reverse().join('/') : '—',
        to: e.toState ? e.toState.split('-').reverse().join('/') : '—',
      });
    case 'progress':
      return t('planwork.event.progress', { status: statusLabel(t, e.toState), percent: e.comment ?? '' });
    case 'evidence_added':
      return t('planwork.event.evidenceAdded', { title: e.comment ?? '' });
    case 'evidence_removed':
      return t('planwork.event.evidenceRemoved', { title: e.comment ?? '' });
    case 'transition':
      return t('planwork.event.transition', {
        from: stateLabel(t, e.fromState),
        to: stateLabel(t, e.toState),
      });
    case 'comment':
      return t('planwork.event.comment');
    default:
      return e.kind;
  }
}

export function PlanTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const t = useT();
  if (events.length === 0) return <p>{t('planwork.timeline.empty')}</p>;
  return (
    <ol className="plain-list timeline">
      {events.map((e) => (
        <li key={e.id}>
          <strong>{e.at}</strong> — {e.actorName ?? t('planwork.event.system')}
          {e.unitName ? ` (${e.unitName})` : ''}: {eventText(t, e)}
          {e.comment && (e.kind === 'transition' || e.kind === 'comment') ? (
            <blockquote>{e.comment}</blockquote>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
