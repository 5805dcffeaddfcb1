import {
  createTranslator,
  matchAppLanguage,
  SOURCE_LANGUAGE,
  type AppLanguage,
  type Namespace,
  type Translate,
  type Translator,
} from '../../shared/i18n';

/**
 * The few words audience screens (display, merch table, overlay) add around the pack's own
 * text. They speak the slide's language, never the device's: the console's menu must not
 * change what the room sees. A pack language the app has no catalog for gets English.
 */
export function audienceLanguage(slideLanguage: string): AppLanguage {
  return matchAppLanguage([slideLanguage]) ?? SOURCE_LANGUAGE;
}

// One translator per language for the page's life: slides render every second (the clock),
// and building an i18next instance per render would be waste.
const translators = new Map<AppLanguage, Translator>();

/** A fixed `t` for one audience namespace in the slide's language. */
export function audienceT(slideLanguage: string, namespace: Namespace): Translate {
  const language = audienceLanguage(slideLanguage);
  let translator = translators.get(language);
  if (!translator) {
    translator = createTranslator(language, namespace);
    translators.set(language, translator);
  }
  return translator.getFixedT(language, namespace);
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
