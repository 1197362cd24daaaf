// Rich text of path pages: sanitised when saved and again when shown (a row written before a rule changed,
// or by hand, is still made safe). Only text structure and links survive; no scripts, styles, frames, event
// handlers or javascript:/data: URLs.
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'em',
    'b',
    'i',
    'u',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
  ],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};
OPTIONS.allowedAttributes = { a: ['href', 'title', 'rel'] };

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html.normalize('NFC'), OPTIONS).trim();
}
