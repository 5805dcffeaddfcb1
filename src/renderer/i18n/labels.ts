/**
 * The few words the display adds around the pack's own text. The pack is translated by its
 * authors; these are ours. Missing languages fall back to English.
 */
export interface Labels {
  arrested: string;
  charge: string;
  status: string;
  asOf: string;
  age: string;
  today: string;
  now: string;
  past: string;
  tomorrow: string;
  scanToWatch: string;
  connecting: string;
  reconnecting: string;
  /** "Released on {date}": the counter has stopped. */
  releasedOn: string;
  /** A countdown on the day: "in {time}", `{time}` from `hoursMinutes`. */
  startsIn: string;
  /** "{h} h {m} min"; `{h} h` is dropped when it is 0. */
  hoursMinutes: string;
  /** Merch table: the hint on the loop, and the browse view. */
  tapToBrowse: string;
  browseTitle: string;
  cases: string;
  actions: string;
  back: string;
  backToSlideshow: string;
  /** What an action asks for, by its `type`. */
  actionType: Record<'petition' | 'site' | 'donation' | 'letter', string>;
  /** Plural forms for Intl.PluralRules categories: "N days behind bars". */
  daysBehindBars: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  /** "in N days", `{n}` is replaced by the number. */
  inDays: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
}

const en: Labels = {
  arrested: 'Arrested',
  charge: 'Charge',
  status: 'Status',
  asOf: 'As of',
  age: 'Age',
  today: 'Today',
  now: 'Now',
  past: 'Past',
  tomorrow: 'Tomorrow',
  scanToWatch: 'Scan to watch',
  connecting: 'Connecting',
  reconnecting: 'Reconnecting',
  releasedOn: 'Released on {date}',
  startsIn: 'Starts in {time}',
  hoursMinutes: '{h} h {m} min',
  tapToBrowse: 'Tap to browse',
  browseTitle: 'Political prisoners: their cases, and what you can do',
  cases: 'Cases',
  actions: 'Take action',
  back: 'Back',
  backToSlideshow: 'Back to the slideshow',
  actionType: { petition: 'Sign', site: 'Read and act', donation: 'Donate', letter: 'Write' },
  daysBehindBars: { one: 'day behind bars', other: 'days behind bars' },
  inDays: { one: 'in {n} day', other: 'in {n} days' },
};

const ru: Labels = {
  arrested: 'Арестован',
  charge: 'Обвинение',
  status: 'Статус',
  asOf: 'По состоянию на',
  age: 'Возраст',
  today: 'Сегодня',
  now: 'Сейчас',
  past: 'Прошло',
  tomorrow: 'Завтра',
  scanToWatch: 'Смотреть',
  connecting: 'Подключение',
  reconnecting: 'Переподключение',
  releasedOn: 'Освобождён {date}',
  startsIn: 'Начало через {time}',
  hoursMinutes: '{h} ч {m} мин',
  tapToBrowse: 'Нажмите, чтобы посмотреть',
  browseTitle: 'Политзаключённые: их дела и что можно сделать',
  cases: 'Дела',
  actions: 'Что делать',
  back: 'Назад',
  backToSlideshow: 'Вернуться к показу',
  actionType: {
    petition: 'Подпишите',
    site: 'Узнайте и действуйте',
    donation: 'Поддержите',
    letter: 'Напишите',
  },
  daysBehindBars: {
    one: 'день за решёткой',
    few: 'дня за решёткой',
    many: 'дней за решёткой',
    other: 'дня за решёткой',
  },
  inDays: {
    one: 'через {n} день',
    few: 'через {n} дня',
    many: 'через {n} дней',
    other: 'через {n} дня',
  },
};

const fr: Labels = {
  arrested: 'Arrêté le',
  charge: 'Accusation',
  status: 'Situation',
  asOf: 'À jour en',
  age: 'Âge',
  today: "Aujourd'hui",
  now: 'En cours',
  past: 'Passé',
  tomorrow: 'Demain',
  scanToWatch: 'Scannez pour voir',
  connecting: 'Connexion',
  reconnecting: 'Reconnexion',
  releasedOn: 'Libéré le {date}',
  startsIn: 'Début dans {time}',
  hoursMinutes: '{h} h {m} min',
  tapToBrowse: 'Touchez pour parcourir',
  browseTitle: 'Prisonniers politiques : leurs affaires, et comment agir',
  cases: 'Affaires',
  actions: 'Agir',
  back: 'Retour',
  backToSlideshow: 'Retour au diaporama',
  actionType: {
    petition: 'Signez',
    site: 'Informez-vous et agissez',
    donation: 'Faites un don',
    letter: 'Écrivez',
  },
  daysBehindBars: { one: 'jour derrière les barreaux', other: 'jours derrière les barreaux' },
  inDays: { one: 'dans {n} jour', other: 'dans {n} jours' },
};

const byLanguage: Record<string, Labels> = { en, ru, fr };

export function labelsFor(language: string): Labels {
  return byLanguage[language] ?? byLanguage[language.split('-')[0] ?? ''] ?? en;
}

function plural(forms: Labels['daysBehindBars'], language: string, n: number): string {
  let category: Intl.LDMLPluralRule = 'other';
  try {
    category = new Intl.PluralRules(language).select(n);
  } catch {
    // An odd language tag must not take the slide down.
  }
  return forms[category] ?? forms.other;
}

export function daysBehindBarsLabel(language: string, n: number): string {
  return plural(labelsFor(language).daysBehindBars, language, n);
}

export function inDaysLabel(language: string, n: number): string {
  return plural(labelsFor(language).inDays, language, n).replace('{n}', formatNumber(language, n));
}

export function formatNumber(language: string, n: number): string {
  try {
    return new Intl.NumberFormat(language).format(n);
  } catch {
    return String(n);
  }
}

/** "2 h 05 min" / "45 min" until an event starts, in the language's words. */
export function hoursMinutesLabel(language: string, ms: number): string {
  const totalMinutes = Math.max(1, Math.ceil(ms / 60_000));
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  const pattern = labelsFor(language).hoursMinutes;
  const text = h > 0 ? pattern : pattern.replace(/^\{h\}\s*\S+\s*/, '');
  return text.replace('{h}', formatNumber(language, h)).replace('{m}', formatNumber(language, m));
}

/** A language's name in that language ("русский", "français"), for the merch table's switch. */
export function languageName(language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language);
    return name ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : language;
  } catch {
    return language;
  }
}
