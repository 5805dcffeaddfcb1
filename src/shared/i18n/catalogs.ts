// Static imports, so the bundler inlines every catalog: a page speaks its language with no
// request (and no network), and the main process reads the same files.
import enCommon from './locales/en/common.json' with { type: 'json' };
import enActions from './locales/en/actions.json' with { type: 'json' };
import enConsole from './locales/en/console.json' with { type: 'json' };
import enRemote from './locales/en/remote.json' with { type: 'json' };
import enMerch from './locales/en/merch.json' with { type: 'json' };
import enDisplay from './locales/en/display.json' with { type: 'json' };
import enKiosk from './locales/en/kiosk.json' with { type: 'json' };
import enOverlay from './locales/en/overlay.json' with { type: 'json' };
import enProblems from './locales/en/problems.json' with { type: 'json' };
import enCore from './locales/en/core.json' with { type: 'json' };
import enCase from './locales/en/case.json' with { type: 'json' };
import enEditor from './locales/en/editor.json' with { type: 'json' };
import enPrint from './locales/en/print.json' with { type: 'json' };
import enPlayer from './locales/en/player.json' with { type: 'json' };
import enStage from './locales/en/stage.json' with { type: 'json' };
import enScreen from './locales/en/screen.json' with { type: 'json' };
import ruCommon from './locales/ru/common.json' with { type: 'json' };
import ruActions from './locales/ru/actions.json' with { type: 'json' };
import ruConsole from './locales/ru/console.json' with { type: 'json' };
import ruRemote from './locales/ru/remote.json' with { type: 'json' };
import ruMerch from './locales/ru/merch.json' with { type: 'json' };
import ruDisplay from './locales/ru/display.json' with { type: 'json' };
import ruKiosk from './locales/ru/kiosk.json' with { type: 'json' };
import ruOverlay from './locales/ru/overlay.json' with { type: 'json' };
import ruProblems from './locales/ru/problems.json' with { type: 'json' };
import ruCore from './locales/ru/core.json' with { type: 'json' };
import ruCase from './locales/ru/case.json' with { type: 'json' };
import ruEditor from './locales/ru/editor.json' with { type: 'json' };
import ruPrint from './locales/ru/print.json' with { type: 'json' };
import ruPlayer from './locales/ru/player.json' with { type: 'json' };
import ruStage from './locales/ru/stage.json' with { type: 'json' };
import ruScreen from './locales/ru/screen.json' with { type: 'json' };
import frCommon from './locales/fr/common.json' with { type: 'json' };
import frActions from './locales/fr/actions.json' with { type: 'json' };
import frConsole from './locales/fr/console.json' with { type: 'json' };
import frRemote from './locales/fr/remote.json' with { type: 'json' };
import frMerch from './locales/fr/merch.json' with { type: 'json' };
import frDisplay from './locales/fr/display.json' with { type: 'json' };
import frKiosk from './locales/fr/kiosk.json' with { type: 'json' };
import frOverlay from './locales/fr/overlay.json' with { type: 'json' };
import frProblems from './locales/fr/problems.json' with { type: 'json' };
import frCore from './locales/fr/core.json' with { type: 'json' };
import frCase from './locales/fr/case.json' with { type: 'json' };
import frEditor from './locales/fr/editor.json' with { type: 'json' };
import frPrint from './locales/fr/print.json' with { type: 'json' };
import frPlayer from './locales/fr/player.json' with { type: 'json' };
import frStage from './locales/fr/stage.json' with { type: 'json' };
import frScreen from './locales/fr/screen.json' with { type: 'json' };
import ukCommon from './locales/uk/common.json' with { type: 'json' };
import ukActions from './locales/uk/actions.json' with { type: 'json' };
import ukConsole from './locales/uk/console.json' with { type: 'json' };
import ukRemote from './locales/uk/remote.json' with { type: 'json' };
import ukMerch from './locales/uk/merch.json' with { type: 'json' };
import ukDisplay from './locales/uk/display.json' with { type: 'json' };
import ukKiosk from './locales/uk/kiosk.json' with { type: 'json' };
import ukOverlay from './locales/uk/overlay.json' with { type: 'json' };
import ukProblems from './locales/uk/problems.json' with { type: 'json' };
import ukCore from './locales/uk/core.json' with { type: 'json' };
import ukCase from './locales/uk/case.json' with { type: 'json' };
import ukEditor from './locales/uk/editor.json' with { type: 'json' };
import ukPrint from './locales/uk/print.json' with { type: 'json' };
import ukPlayer from './locales/uk/player.json' with { type: 'json' };
import ukStage from './locales/uk/stage.json' with { type: 'json' };
import ukScreen from './locales/uk/screen.json' with { type: 'json' };
import type { AppLanguage } from './languages';
import type { Namespace } from './namespaces';

export type Catalog = { readonly [key: string]: string | Catalog };

/** Every catalog, by language and namespace. */
export const CATALOGS: Record<AppLanguage, Record<Namespace, Catalog>> = {
  en: {
    common: enCommon,
    actions: enActions,
    console: enConsole,
    remote: enRemote,
    merch: enMerch,
    display: enDisplay,
    kiosk: enKiosk,
    overlay: enOverlay,
    problems: enProblems,
    core: enCore,
    case: enCase,
    editor: enEditor,
    print: enPrint,
    player: enPlayer,
    stage: enStage,
    screen: enScreen,
  },
  ru: {
    common: ruCommon,
    actions: ruActions,
    console: ruConsole,
    remote: ruRemote,
    merch: ruMerch,
    display: ruDisplay,
    kiosk: ruKiosk,
    overlay: ruOverlay,
    problems: ruProblems,
    core: ruCore,
    case: ruCase,
    editor: ruEditor,
    print: ruPrint,
    player: ruPlayer,
    stage: ruStage,
    screen: ruScreen,
  },
  fr: {
    common: frCommon,
    actions: frActions,
    console: frConsole,
    remote: frRemote,
    merch: frMerch,
    display: frDisplay,
    kiosk: frKiosk,
    overlay: frOverlay,
    problems: frProblems,
    core: frCore,
    case: frCase,
    editor: frEditor,
    print: frPrint,
    player: frPlayer,
    stage: frStage,
    screen: frScreen,
  },
  uk: {
    common: ukCommon,
    actions: ukActions,
    console: ukConsole,
    remote: ukRemote,
    merch: ukMerch,
    display: ukDisplay,
    kiosk: ukKiosk,
    overlay: ukOverlay,
    problems: ukProblems,
    core: ukCore,
    case: ukCase,
    editor: ukEditor,
    print: ukPrint,
    player: ukPlayer,
    stage: ukStage,
    screen: ukScreen,
  },
};
