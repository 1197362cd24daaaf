// Data in another language than the page's keeps its `lang` (issue 19 item 12, issue 18), so a screen reader
// reading an English page pronounces Vietnamese names, titles and descriptions as Vietnamese (WCAG 3.1.2):
// - `viData(locale)`: data staff typed in Vietnamese (names, addresses, descriptions). Spread it on the element
//   holding the data: `<h1 {...viData(locale)}>{place.name}</h1>`.
// - `langOf(text, locale)`: a text picked in one of the two site languages (`pick()` of the exhibitions
//   presenters: the English text when there is one, else the Vietnamese one): its language when it is not
//   the page's. `<h1 lang={langOf(title, locale)}>`.
// - `recordLang(code, locale)`: a catalogue record's own data (title, creators, subjects) in the language the
//   record declares (MARC code such as `vie`, `eng`, `fre`, or BCP 47), when it is not the page's; a record
//   that declares none is taken as Vietnamese data, like everything else staff catalogue here.
import type { Locale } from '../../lib/i18n.ts';
import { bcp47FromMarc } from '../../lib/language-tags.ts';

export function viData(locale: Locale): { lang?: 'vi' } {
  return locale === 'vi' ? {} : { lang: 'vi' };
}

export function langOf(text: { lang: 'vi' | 'en' } | null, locale: Locale): 'vi' | 'en' | undefined {
  return text && text.lang !== locale ? text.lang : undefined;
}

export function recordLang(language: string | null | undefined, locale: Locale): { lang?: string } {
  const tag = bcp47FromMarc(language);
  if (!tag) return viData(locale);
  return tag.split('-')[0] === locale ? {} : { lang: tag };
}
