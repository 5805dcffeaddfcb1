import type { TFunction } from 'i18next';
import type { Action, Message } from '../../shared/actions';

/**
 * A message from the actions (a phone button's words, a note) in the reader's language. A
 * parameter that is a message itself is said first ("{{element}}: on" with the element's name
 * in the same language). `t` is any translator of the page: the key is looked up in `actions`.
 */
export function say(t: TFunction, text: Message): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    params[name] = typeof value === 'object' ? say(t, value) : value;
  }
  return t(text.key, { ...params, ns: 'actions' });
}

/** An action's name on a button or in the shortcut sheet, in the reader's language. */
export function actionLabel(t: TFunction, action: Pick<Action<never>, 'labelKey'>): string {
  return t(action.labelKey, { ns: 'actions' });
}
