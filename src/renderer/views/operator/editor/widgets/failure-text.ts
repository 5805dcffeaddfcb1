import type { TFunction } from 'i18next';
import { localize } from '../../../../i18n/localize';
import type { ApiAnswer } from '../../../../transport/content-api';

/**
 * Why the content API did not do it, in the reader's words: the core's own sentence, every
 * problem of a refused file, or the answer's kind when it said nothing more.
 */
export function failureText(t: TFunction, answer: Exclude<ApiAnswer<unknown>, { status: 'ok' }>) {
  if (answer.status === 'error') return localize(t, answer.error);
  if (answer.status === 'invalid')
    return answer.errors.map((problem) => localize(t, problem)).join(' · ');
  return answer.status;
}
