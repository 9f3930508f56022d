import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n';

/** Hindi ⇄ English, on every page (Alt+L on the consoles). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <button type="button" className="lang-switch" onClick={() => switchLanguage()} aria-label={t('lang.switchLabel')} title="Alt+L">
      <span lang={t('lang.switchTo') === 'English' ? 'en' : 'hi'}>{t('lang.switchTo')}</span>
    </button>
  );
}
