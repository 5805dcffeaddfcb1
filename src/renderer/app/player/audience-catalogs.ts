// The player's bundle stands in this module for `shared/i18n/catalogs` (vite.player.config.mts):
// a folder handed to a volunteer carries the audience's words only, never the operator's
// console, editor or remote (their words would say what the app can do, and weigh).
import enCommon from '../../../shared/i18n/locales/en/common.json' with { type: 'json' };
import enMerch from '../../../shared/i18n/locales/en/merch.json' with { type: 'json' };
import enDisplay from '../../../shared/i18n/locales/en/display.json' with { type: 'json' };
import enCase from '../../../shared/i18n/locales/en/case.json' with { type: 'json' };
import enPlayer from '../../../shared/i18n/locales/en/player.json' with { type: 'json' };
import ruCommon from '../../../shared/i18n/locales/ru/common.json' with { type: 'json' };
import ruMerch from '../../../shared/i18n/locales/ru/merch.json' with { type: 'json' };
import ruDisplay from '../../../shared/i18n/locales/ru/display.json' with { type: 'json' };
import ruCase from '../../../shared/i18n/locales/ru/case.json' with { type: 'json' };
import ruPlayer from '../../../shared/i18n/locales/ru/player.json' with { type: 'json' };
import frCommon from '../../../shared/i18n/locales/fr/common.json' with { type: 'json' };
import frMerch from '../../../shared/i18n/locales/fr/merch.json' with { type: 'json' };
import frDisplay from '../../../shared/i18n/locales/fr/display.json' with { type: 'json' };
import frCase from '../../../shared/i18n/locales/fr/case.json' with { type: 'json' };
import frPlayer from '../../../shared/i18n/locales/fr/player.json' with { type: 'json' };
import ukCommon from '../../../shared/i18n/locales/uk/common.json' with { type: 'json' };
import ukMerch from '../../../shared/i18n/locales/uk/merch.json' with { type: 'json' };
import ukDisplay from '../../../shared/i18n/locales/uk/display.json' with { type: 'json' };
import ukCase from '../../../shared/i18n/locales/uk/case.json' with { type: 'json' };
import ukPlayer from '../../../shared/i18n/locales/uk/player.json' with { type: 'json' };
import type { Catalog } from '../../../shared/i18n/catalogs';
import type { AppLanguage } from '../../../shared/i18n/languages';
import type { Namespace } from '../../../shared/i18n/namespaces';

export type { Catalog };

/** Namespaces the player never shows: the operator's rooms, the band's monitor, and paper. */
const notInThePlayer = {
  actions: {},
  console: {},
  remote: {},
  kiosk: {},
  overlay: {},
  problems: {},
  core: {},
  editor: {},
  print: {},
  stage: {},
  screen: {},
} as const;

export const CATALOGS: Record<AppLanguage, Record<Namespace, Catalog>> = {
  en: {
    ...notInThePlayer,
    common: enCommon,
    merch: enMerch,
    display: enDisplay,
    case: enCase,
    player: enPlayer,
  },
  ru: {
    ...notInThePlayer,
    common: ruCommon,
    merch: ruMerch,
    display: ruDisplay,
    case: ruCase,
    player: ruPlayer,
  },
  fr: {
    ...notInThePlayer,
    common: frCommon,
    merch: frMerch,
    display: frDisplay,
    case: frCase,
    player: frPlayer,
  },
  uk: {
    ...notInThePlayer,
    common: ukCommon,
    merch: ukMerch,
    display: ukDisplay,
    case: ukCase,
    player: ukPlayer,
  },
};
