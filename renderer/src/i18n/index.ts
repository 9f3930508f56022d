/**
 * Language of the screens: `?lang=en|hi` in the address wins (so a link or a test can force
 * it), then the operator's last choice, then English. Switching is one key or one click.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { hi } from './hi';

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'hcr.lang';

export function isLanguage(x: unknown): x is Language {
  return x === 'en' || x === 'hi';
}

export function initialLanguage(search: string, stored: string | null): Language {
  const forced = new URLSearchParams(search).get('lang');
  if (isLanguage(forced)) return forced;
  if (isLanguage(stored)) return stored;
  return 'en';
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setupI18n(): typeof i18next {
  const lng = initialLanguage(window.location.search, storedLanguage());
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, hi: { translation: hi } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  return i18next;
}

/** The language the screens are in now (i18next's, English until it has started). */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

export function switchLanguage(to?: Language): void {
  const next: Language = to ?? (i18next.language === 'hi' ? 'en' : 'hi');
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // A screen without storage still switches; it just forgets on reload.
  }
  // Keep the address in step, so a reload shows the language just chosen.
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', next);
    window.history.replaceState(null, '', url);
  }
  void i18next.changeLanguage(next);
}
