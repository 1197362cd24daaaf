// The profile fields shared by the profile page and the family form. No national ID number, no ID image: the
// platform never asks for them.
import { useT } from '../../i18n.ts';
import { SelectField } from '../../ui/Field.tsx';

export interface ProfileFieldValues {
  displayName: string;
  birthYear: string;
  commune: string;
  interests: string;
  preferredLanguage: string;
}

export function ProfileFields({
  values,
  communes,
  invalid,
}: {
  values: ProfileFieldValues;
  communes: readonly string[];
  invalid: ReadonlySet<string>;
}) {
  const t = useT();
  const bad = (id: string) => (invalid.has(id) ? true : undefined);
  return (
    <>
      <div className="field">
        <label htmlFor="learners-name">{t('learners.field.displayName')}</label>
        <input
          id="learners-name"
          name="displayName"
          required
          maxLength={120}
          defaultValue={values.displayName}
          aria-invalid={bad('learners-name')}
        />
      </div>
      <div className="field">
        <label htmlFor="learners-birth-year">{t('learners.field.birthYear')}</label>
        <input
          id="learners-birth-year"
          name="birthYear"
          inputMode="numeric"
          pattern="[0-9]{4}"
          maxLength={4}
          required
          defaultValue={values.birthYear}
          aria-describedby="learners-birth-year-hint"
          aria-invalid={bad('learners-birth-year')}
        />
        <p id="learners-birth-year-hint" className="hint">
          {t('learners.field.birthYearHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="learners-commune">{t('learners.field.commune')}</label>
        <select
          id="learners-commune"
          name="commune"
          defaultValue={values.commune}
          aria-invalid={bad('learners-commune')}
        >
          <option value="">{t('learners.field.communeNone')}</option>
          {communes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="learners-interests">{t('learners.field.interests')}</label>
        <input
          id="learners-interests"
          name="interests"
          maxLength={500}
          defaultValue={values.interests}
          aria-describedby="learners-interests-hint"
          aria-invalid={bad('learners-interests')}
        />
        <p id="learners-interests-hint" className="hint">
          {t('learners.field.interestsHint')}
        </p>
      </div>
      <SelectField
        id="learners-language"
        label={t('learners.field.language')}
        name="preferredLanguage"
        defaultValue={values.preferredLanguage}
      >
        <option value="vi">Tiếng Việt</option>
        <option value="en">English</option>
      </SelectField>
    </>
  );
}

export function ConsentBoxes({
  guardian,
  child,
  invalid,
}: {
  guardian: boolean;
  child: boolean;
  invalid: ReadonlySet<string>;
}) {
  const t = useT();
  if (!guardian && !child) return null;
  return (
    <fieldset className="field">
      <legend>{t('learners.consent.legend')}</legend>
      {guardian ? (
        <div className="checkbox">
          <input
            id="learners-guardian-consent"
            name="guardianConsent"
            type="checkbox"
            value="yes"
            aria-invalid={invalid.has('learners-guardian-consent') ? true : undefined}
          />
          <label htmlFor="learners-guardian-consent">{t('learners.consent.guardianText')}</label>
        </div>
      ) : null}
      {child ? (
        <div className="checkbox">
          <input
            id="learners-child-consent"
            name="childConsent"
            type="checkbox"
            value="yes"
            aria-invalid={invalid.has('learners-child-consent') ? true : undefined}
          />
          <label htmlFor="learners-child-consent">{t('learners.consent.childText')}</label>
        </div>
      ) : null}
    </fieldset>
  );
}

/** The ids of the inputs the form's errors point at (marked aria-invalid). */
export function invalidFields(errors: ReadonlyArray<{ field?: string }> | undefined): Set<string> {
  return new Set((errors ?? []).flatMap((e) => (e.field ? [e.field] : [])));
}
