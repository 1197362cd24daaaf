// What a page form posts: the two encodings HTML forms use for actions (text/plain is never parsed as one).
const FORM_TYPE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

export function isFormContentType(contentType: string | null | undefined): boolean {
  return typeof contentType === 'string' && FORM_TYPE.test(contentType);
}
