// The catalogue search's "available now" facet (one checkbox with its count), part of the facet form.
import { useT } from '../../i18n.ts';

/** The "available now" facet: titles with a copy on the shelf, kept current by lending (circulation). */
export function AvailableNow(props: {
  count: number | undefined;
  chosen: boolean;
  estimated: boolean;
  format: (n: number) => string;
}) {
  const t = useT();
  if (props.count === undefined && !props.chosen) return null;
  return (
    <fieldset className="facet facet-now">
      <legend>{t('catalogue.availableNow.legend')}</legend>
      <label>
        <input type="checkbox" name="availability" value="available" defaultChecked={props.chosen} />{' '}
        {t('catalogue.availableNow.label')}
        {props.count !== undefined ? (
          <span className="muted">
            {' '}
            (
            {props.estimated
              ? t('catalogue.search.facetEstimated', { count: props.format(props.count) })
              : props.format(props.count)}
            )
          </span>
        ) : null}
      </label>
    </fieldset>
  );
}
