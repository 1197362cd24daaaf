// The record page's "borrow" block: per library, available now at …, next stop of the mobile library on …,
// or the first due date; and a hold form (pickup at a library or a mobile-library stop) for signed-in readers.
import { formatIsoDay } from '../../../lib/dates.ts';
import { useHref, useT } from '../../i18n.ts';
import { SelectField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';

interface Line {
  unitId: string;
  unitName: string;
  total: number;
  available: number;
  availableAt: string[];
  nextStops: Array<{ routeName: string; placeName: string; day: string; starts: string }>;
  nextDue: string | null;
  holdsWaiting: number;
  pickups: Array<{ value: string; label: string }>;
}

export function Availability({
  recordId,
  data,
}: {
  recordId: string;
  data: { signedIn: boolean; lines: Line[] } | null;
}) {
  const t = useT();
  const href = useHref();
  if (!data) return null;
  return (
    <section aria-labelledby="circ-avail-title" className="circ-availability">
      <h2 id="circ-avail-title">{t('circulation.avail.title')}</h2>
      <ul>
        {data.lines.map((l) => (
          <li key={l.unitId}>
            <strong>{l.unitName}</strong>:{' '}
            {t('circulation.avail.copies', { available: l.available, total: l.total })}
            {l.availableAt.length ? (
              <> — {t('circulation.avail.availableAt', { places: l.availableAt.join(', ') })}</>
            ) : null}
            {l.nextStops.map((s) => (
              <span key={`${s.routeName}${s.day}`}>
                <br />
                {t('circulation.avail.nextStop', {
                  route: s.routeName,
                  place: s.placeName,
                  date: formatIsoDay(s.day),
                  time: s.starts.slice(0, 5),
                })}
              </span>
            ))}
            {l.nextDue ? (
              <>
                <br />
                {t('circulation.avail.nextDue', { date: formatIsoDay(l.nextDue.slice(0, 10)) })}
              </>
            ) : null}
            {l.holdsWaiting ? <> ({t('circulation.avail.waiting', { count: l.holdsWaiting })})</> : null}
            {data.signedIn && l.pickups.length ? (
              <form method="post" action={href('/my/library/holds')} className="form inline-form">
                <FormToken />
                <input type="hidden" name="recordId" value={recordId} />
                <input type="hidden" name="unitId" value={l.unitId} />
                <SelectField
                  id={`circ-pickup-${l.unitId}`}
                  label={t('circulation.avail.pickup')}
                  name="pickup"
                >
                  {l.pickups.map((p) => (
                    <option key={p.value} value={p.value}>
                      {p.label}
                    </option>
                  ))}
                </SelectField>
                <button type="submit">{t('circulation.avail.hold')}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {data.signedIn ? null : (
        <p>
          <a href={href('/sign-in')}>{t('circulation.avail.signIn')}</a>
        </p>
      )}
    </section>
  );
}
