// The one way page actions read their form: a body that is not a form, or a broken one, becomes a 4xx with a
// clear message (415 / 400) shown by the error boundary — never an exception that ends as a 500.
import { data } from 'react-router';
import { isBarePost, isFormContentType } from '../../lib/form-body.ts';
import type { MessageKey } from '../../lib/i18n.ts';

/** Thrown by actions for a request they cannot read; the error boundary shows `messageKey`. */
export function badRequestBody(status: 400 | 415, messageKey: MessageKey) {
  return data({ messageKey }, { status });
}

export async function readPageForm(request: Request): Promise<FormData> {
  // A post with no body at all (no type either) carries an empty form, as src/http/page-body.ts lets it by.
  if (request.body === null || isBarePost(request.headers)) return new FormData();
  if (!isFormContentType(request.headers.get('content-type'))) throw badRequestBody(415, 'error.formBody');
  try {
    return await request.formData();
  } catch {
    throw badRequestBody(400, 'error.formMalformed');
  }
}
