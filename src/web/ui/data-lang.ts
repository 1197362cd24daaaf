// Vietnamese data on English pages (issue 19, item 12): names, addresses and descriptions that staff typed in
// Vietnamese keep `lang="vi"`, so a screen reader reading an English page pronounces them as Vietnamese.
// Spread the result on the element holding the data: `<h1 {...viData(locale)}>{place.name}</h1>`.
import type { Locale } from '../../lib/i18n.ts';

export function viData(locale: Locale): { lang?: 'vi' } {
  return locale === 'vi' ? {} : { lang: 'vi' };
}
