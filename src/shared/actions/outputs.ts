import type { Output } from '../protocol/show-state';
import { always, type Action } from './action';

export const outputLanguagesAction: Action<{ output: Output; languages: string[] }> = {
  name: 'setOutputLanguages',
  labelKey: 'label.setOutputLanguages',
  group: 'outputs',
  keys: [],
  available: always,
  command: (_ctx, { output, languages }) => ({ name: 'setOutputLanguages', output, languages }),
};
