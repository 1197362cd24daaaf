// What a page form posts: the two encodings HTML forms use for actions (text/plain is never parsed as one).
const FORM_TYPE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

export function isFormContentType(contentType: string | null | undefined): boolean {
  return typeof contentType === 'string' && FORM_TYPE.test(contentType);
}

/** A post with neither a type nor a body (a bare `curl -X POST`): nothing to misread, an empty form. */
export function isBarePost(headers: Headers): boolean {
  const length = headers.get('content-length');
  return (
    !headers.has('content-type') && (length === null || length === '0') && !headers.has('transfer-encoding')
  );
}
