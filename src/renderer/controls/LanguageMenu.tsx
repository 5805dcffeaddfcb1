import { useTranslation } from 'react-i18next';
import { APP_LANGUAGES, LANGUAGE_NAMES, isAppLanguage } from '../../shared/i18n';

/**
 * The language of the app's own words on this device. It never changes what the screens
 * show: the content's languages per output are the operator's other menu.
 */
export function LanguageMenu({ className }: { className?: string }) {
  const { t, i18n } = useTranslation('common');
  return (
    <label className={className ?? 'language-menu'}>
      <span className="language-menu-label">{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(event) => {
          if (isAppLanguage(event.target.value)) void i18n.changeLanguage(event.target.value);
        }}
      >
        {APP_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
