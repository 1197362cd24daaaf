// Form values → the learners use cases' profile input (strings in, typed values out; the use cases validate).
import { splitInterests } from '../../modules/learners/learners.schemas.server.ts';
import type { ProfileFieldValues } from './components/ProfileFields.tsx';

export function readProfileFields(form: FormData): ProfileFieldValues {
  const text = (name: string, max: number) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.slice(0, max) : '';
  };
  return {
    displayName: text('displayName', 200),
    birthYear: text('birthYear', 8),
    commune: text('commune', 200),
    interests: text('interests', 500),
    preferredLanguage: text('preferredLanguage', 8),
  };
}

export function toProfileInput(v: ProfileFieldValues) {
  return {
    displayName: v.displayName,
    birthYear: v.birthYear.trim() === '' ? Number.NaN : Number(v.birthYear.trim()),
    commune: v.commune || null,
    interests: splitInterests(v.interests),
    preferredLanguage: (v.preferredLanguage === 'en'
      ? 'en'
      : v.preferredLanguage === 'vi'
        ? 'vi'
        : v.preferredLanguage) as 'vi' | 'en',
  };
}
