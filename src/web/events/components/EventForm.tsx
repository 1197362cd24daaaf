// The staff event form (create and edit): details, place or online link, schedule (one session or a weekly
// series with skipped days), capacity and registration window, plan task. Plain HTML inputs; no JavaScript.

import { EVENT_AUDIENCES, EVENT_CATEGORIES } from '../../../modules/events/events.vocab.ts';
import { useT } from '../../i18n.ts';
import { FieldError, fieldAria, SelectField, TextArea } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import type { EventFormValues } from '../forms.server.ts';
import { audienceKey, categoryKey } from './EventParts.tsx';

export interface EventFormOptions {
  units: Array<{ id: string; name: string }>;
  places: Array<{ id: string; name: string }>;
  planInstances: Array<{ id: string; year: number; label: string }>;
}

type Errors = readonly FormMessage[] | undefined;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function Text(props: {
  id: string;
  name: keyof EventFormValues;
  label: string;
  v: Partial<EventFormValues>;
  errors: Errors;
  type?: string;
  hint?: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'url';
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={props.id} errors={props.errors} />
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        maxLength={props.maxLength ?? 300}
        inputMode={props.inputMode}
        defaultValue={(props.v[props.name] as string | undefined) ?? ''}
        {...fieldAria(props.id, props.errors, hintId)}
      />
    </div>
  );
}

export function EventForm(props: {
  options: EventFormOptions;
  values: Partial<EventFormValues>;
  errors: Errors;
  submitLabel: string;
  /** Edit form only: the version the form was loaded with (a stale save is refused). */
  version?: number;
}) {
  const t = useT();
  const { options: o, values: v, errors } = props;
  const audience = new Set(v.audience ?? []);
  const weekdays = new Set(v.weekdays ?? []);
  return (
    <form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="save" />
      {props.version !== undefined ? <input type="hidden" name="version" value={props.version} /> : null}
      <SelectField
        id="ev-unit"
        label={t('events.field.unit')}
        errors={errors}
        name="unitId"
        defaultValue={v.unitId ?? ''}
      >
        <option value="">{t('units.field.choose')}</option>
        {o.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <Text id="ev-title" name="title" label={t('events.field.title')} v={v} errors={errors} />
      <TextArea
        id="ev-description"
        label={t('events.field.description')}
        errors={errors}
        name="description"
        rows={5}
        maxLength={10000}
        defaultValue={v.description ?? ''}
      />
      <SelectField
        id="ev-category"
        label={t('events.field.category')}
        errors={errors}
        name="category"
        defaultValue={v.category ?? ''}
      >
        <option value="">{t('units.field.choose')}</option>
        {EVENT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(categoryKey(c))}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend>{t('events.field.audience')}</legend>
        {EVENT_AUDIENCES.map((a) => (
          <div className="field-inline" key={a}>
            <input
              id={`ev-audience-${a}`}
              type="checkbox"
              name="audience"
              value={a}
              defaultChecked={audience.has(a)}
            />
            <label htmlFor={`ev-audience-${a}`}>{t(audienceKey(a))}</label>
          </div>
        ))}
      </fieldset>
      <SelectField
        id="ev-place"
        label={t('events.field.place')}
        errors={errors}
        name="placeId"
        defaultValue={v.placeId ?? ''}
      >
        <option value="">{t('events.form.noPlace')}</option>
        {o.places.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <Text
        id="ev-online"
        name="onlineUrl"
        type="url"
        label={t('events.field.onlineUrl')}
        v={v}
        errors={errors}
        maxLength={500}
      />

      <fieldset>
        <legend>{t('events.form.schedule')}</legend>
        <p className="hint">{t('events.form.scheduleHint')}</p>
        <Text
          id="ev-first-date"
          name="firstDate"
          type="date"
          label={t('events.field.firstDate')}
          v={v}
          errors={errors}
        />
        <Text
          id="ev-start-time"
          name="startTime"
          type="time"
          label={t('events.field.startTime')}
          v={v}
          errors={errors}
        />
        <Text
          id="ev-end-time"
          name="endTime"
          type="time"
          label={t('events.field.endTime')}
          hint={t('events.form.endTimeHint')}
          v={v}
          errors={errors}
        />
        <div className="field-inline">
          <input
            id="ev-repeat"
            type="checkbox"
            name="repeat"
            value="weekly"
            defaultChecked={v.repeat === 'weekly'}
          />
          <label htmlFor="ev-repeat">{t('events.form.repeatWeekly')}</label>
        </div>
        <fieldset>
          <legend>{t('events.form.weekdays')}</legend>
          {WEEKDAYS.map((d) => (
            <div className="field-inline" key={d}>
              <input
                id={`ev-weekday-${d}`}
                type="checkbox"
                name="weekdays"
                value={d}
                defaultChecked={weekdays.has(String(d))}
              />
              <label htmlFor={`ev-weekday-${d}`}>{t(`events.weekday.${d}` as 'events.weekday.1')}</label>
            </div>
          ))}
        </fieldset>
        <Text id="ev-until" name="until" type="date" label={t('events.field.until')} v={v} errors={errors} />
        <Text
          id="ev-exceptions"
          name="exceptions"
          label={t('events.field.exceptions')}
          hint={t('events.form.exceptionsHint')}
          v={v}
          errors={errors}
          maxLength={2000}
        />
      </fieldset>

      <fieldset>
        <legend>{t('events.form.registration')}</legend>
        <Text
          id="ev-capacity"
          name="capacity"
          label={t('events.field.capacity')}
          hint={t('events.form.capacityHint')}
          inputMode="numeric"
          v={v}
          errors={errors}
          maxLength={7}
        />
        <SelectField
          id="ev-mode"
          label={t('events.field.registrationMode')}
          name="registrationMode"
          defaultValue={v.registrationMode ?? 'series'}
        >
          <option value="series">{t('events.mode.series')}</option>
          <option value="session">{t('events.mode.session')}</option>
        </SelectField>
        <Text
          id="ev-opens-date"
          name="opensDate"
          type="date"
          label={t('events.field.opensDate')}
          v={v}
          errors={errors}
        />
        <Text
          id="ev-opens-time"
          name="opensTime"
          type="time"
          label={t('events.field.opensTime')}
          v={v}
          errors={errors}
        />
        <Text
          id="ev-closes-date"
          name="closesDate"
          type="date"
          label={t('events.field.closesDate')}
          hint={t('events.form.closesHint')}
          v={v}
          errors={errors}
        />
        <Text
          id="ev-closes-time"
          name="closesTime"
          type="time"
          label={t('events.field.closesTime')}
          v={v}
          errors={errors}
        />
        <Text
          id="ev-price"
          name="priceVnd"
          label={t('events.field.priceVnd')}
          inputMode="numeric"
          v={v}
          errors={errors}
          maxLength={12}
        />
      </fieldset>
      <Text
        id="ev-contact"
        name="organiserContact"
        label={t('events.field.organiserContact')}
        v={v}
        errors={errors}
      />
      <SelectField
        id="ev-plan"
        label={t('events.field.planInstance')}
        errors={errors}
        hint={t('events.form.planHint')}
        name="planInstanceId"
        defaultValue={v.planInstanceId ?? ''}
      >
        <option value="">{t('events.form.noPlan')}</option>
        {o.planInstances.map((p) => (
          <option key={p.id} value={p.id}>
            {`${p.year}: ${p.label}`}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="ev-status"
        label={t('events.field.status')}
        name="status"
        defaultValue={v.status ?? 'draft'}
      >
        <option value="draft">{t('events.eventStatus.draft')}</option>
        <option value="published">{t('events.eventStatus.published')}</option>
      </SelectField>
      <div>
        <FormToken />
        <button type="submit">{props.submitLabel}</button>
      </div>
    </form>
  );
}
