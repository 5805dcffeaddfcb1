import { useEffect, useSyncExternalStore } from 'react';
import type { Namespace, Translate, Translator } from '../../shared/i18n';
import { matchAppLanguage, SOURCE_LANGUAGE, type AppLanguage } from '../../shared/i18n/languages';
import { loadTranslator } from '../../shared/i18n/lazy-translator';

/**
 * The few words audience screens (display, merch table, overlay) add around the pack's own
 * text. They speak the slide's language, never the device's: the console's menu must not
 * change what the room sees. A pack language the app has no catalog for gets English.
 */
export function audienceLanguage(slideLanguage: string): AppLanguage {
  return matchAppLanguage([slideLanguage]) ?? SOURCE_LANGUAGE;
}

// One translator per language for the page's life: slides render every second (the clock),
// and building an i18next instance per render would be waste. Its catalogs are fetched, not
// bundled (`useAudienceWords`), so `audienceT` stays a plain synchronous lookup at render time.
const translators = new Map<AppLanguage, Promise<Translator>>();
const loaded = new Map<AppLanguage, Translator>();
let revision = 0;
const listeners = new Set<() => void>();

function changed() {
  revision += 1;
  for (const listener of listeners) listener();
}

/** Whether `namespaces` are in hand in the language these slide languages are shown in. */
export function hasAudienceWords(
  slideLanguages: readonly string[],
  namespaces: readonly Namespace[],
): boolean {
  return slideLanguages.every((slideLanguage) => {
    const language = audienceLanguage(slideLanguage);
    const translator = loaded.get(language);
    return (
      translator !== undefined &&
      namespaces.every((namespace) => translator.hasResourceBundle(language, namespace))
    );
  });
}

/**
 * Fetch the audience words of these slide languages (and English, the stand-in for a
 * language the app lacks). Resolves once all are in hand; a failed fetch leaves English.
 */
export async function loadAudienceWords(
  slideLanguages: readonly string[],
  namespaces: readonly Namespace[],
): Promise<void> {
  const languages = new Set<AppLanguage>([
    SOURCE_LANGUAGE,
    ...slideLanguages.map(audienceLanguage),
  ]);
  await Promise.all(
    [...languages].map(async (language) => {
      let pending = translators.get(language);
      if (!pending) {
        pending = loadTranslator(language, namespaces);
        translators.set(language, pending);
      }
      const translator = await pending;
      if (namespaces.some((namespace) => !translator.hasResourceBundle(language, namespace))) {
        await translator.loadNamespaces([...namespaces]);
      }
      loaded.set(language, translator);
    }),
  );
  changed();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Starts fetching the audience words for every language this screen may show (the content
 * message names them) and re-renders as they arrive. True once the first of them, the one on
 * air, is in hand: a view holds its first slide back until then. A language added later (a
 * pack edit) shows in English for the moment its catalogs take to arrive.
 */
export function useAudienceWords(
  onAir: string | null,
  slideLanguages: readonly string[],
  namespaces: readonly Namespace[],
): boolean {
  useSyncExternalStore(subscribe, () => revision);
  const wanted = [...(onAir === null ? [] : [onAir]), ...slideLanguages].join(' ');
  const rooms = namespaces.join(' ');
  useEffect(() => {
    if (!wanted) return;
    const ns = rooms.split(' ') as Namespace[];
    const languages = wanted.split(' ');
    // On-air language first, so the gate opens without waiting for the others.
    void loadAudienceWords(languages.slice(0, 1), ns).then(() => loadAudienceWords(languages, ns));
  }, [wanted, rooms]);
  return onAir !== null && hasAudienceWords([onAir], namespaces);
}

/** The words of a catalog nobody fetched yet: nothing, rather than a key on the big screen. */
const SILENT = (() => '') as unknown as Translate;

/** A fixed `t` for one audience namespace in the slide's language (English until fetched). */
export function audienceT(slideLanguage: string, namespace: Namespace): Translate {
  const language = audienceLanguage(slideLanguage);
  for (const candidate of [language, SOURCE_LANGUAGE]) {
    const translator = loaded.get(candidate);
    if (translator?.hasResourceBundle(candidate, namespace)) {
      return translator.getFixedT(candidate, namespace);
    }
  }
  return SILENT;
}

/** A number in the slide's language: "1 234" in Russian, "1,234" in English. */
export function formatNumber(language: string, n: number): string {
  try {
    return new Intl.NumberFormat(language).format(n);
  } catch {
    // An odd language tag must not take the slide down.
    return String(n);
  }
}

/**
 * A message holding one number, cut around it, so a slide can draw the number big: "1 234
 * дня за решёткой" → before "", number "1 234", after "дня за решёткой". Where the message
 * does not show the number as this language writes it, all of it is `after`.
 */
export function splitAtNumber(
  message: string,
  number: string,
): { before: string; number: string; after: string } {
  const at = message.indexOf(number);
  if (at < 0) return { before: '', number: '', after: message };
  return {
    before: message.slice(0, at).trim(),
    number,
    after: message.slice(at + number.length).trim(),
  };
}

/** "2 h 5 min" / "45 min" until an event starts, rounded up so it never says 0 min too early. */
export function hoursMinutes(t: Translate, ms: number): string {
  const totalMinutes = Math.max(1, Math.ceil(ms / 60_000));
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return hours > 0 ? t('event.hoursMinutes', { hours, minutes }) : t('event.minutes', { minutes });
}

/** A language's name in that language ("Русский", "Français"), for the merch table's switch. */
export function languageName(language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language);
    return name ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : language;
  } catch {
    return language;
  }
}
