// On a plan task instance's page: the training courses and donations linked to it (evidence), with links.
import { formatIsoDay } from '../../../lib/dates.ts';
import { formatVnd } from '../../../lib/money.ts';
import { useHref, useT } from '../../i18n.ts';

export function PlanLinkedTrainingAndDonations(props: {
  courses: ReadonlyArray<{ id: string; title: string; startsOn: string }>;
  donations: ReadonlyArray<{ id: string; description: string; receivedOn: string; valueVnd: number }>;
}) {
  const t = useT();
  const href = useHref();
  return (
    <>
      {props.courses.length > 0 ? (
        <section aria-labelledby="linked-training">
          <h2 id="linked-training">{t('training.plan.heading')}</h2>
          <ul>
            {props.courses.map((c) => (
              <li key={c.id}>
                <a href={href(`/admin/training/${c.id}`)}>{c.title}</a>{' '}
                <span className="muted">({formatIsoDay(c.startsOn)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.donations.length > 0 ? (
        <section aria-labelledby="linked-donations">
          <h2 id="linked-donations">{t('sponsorship.plan.heading')}</h2>
          <ul>
            {props.donations.map((d) => (
              <li key={d.id}>
                <a href={href(`/admin/sponsorship/donations/${d.id}`)}>{d.description}</a>{' '}
                <span className="muted">
                  ({formatIsoDay(d.receivedOn)}, {formatVnd(d.valueVnd)})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
