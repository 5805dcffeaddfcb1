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
  asOf: 'Au',
  age: 'Âge',
  today: "Aujourd'hui",
  now: 'En cours',
  past: 'Passé',
  tomorrow: 'Demain',
  scanToWatch: 'Scannez pour voir',
  connecting: 'Connexion',
  reconnecting: 'Reconnexion',
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
