/**
 * One i18next instance for the UI: English and Korean bundled (no fetching), the language detected
 * from the stored choice then the browser, and <html lang> kept equal to it.
 */
import i18next, { type i18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';
import { LANGUAGE_KEY, LANGUAGES, languageOf } from './language';

export function createI18n(): i18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  });
  void instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, ko: { translation: ko } },
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      // Resources are bundled, so init is synchronous and the first render is already translated.
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes.
      showSupportNotice: false,
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_KEY,
        // Only an explicit choice is stored (saveLanguage), not what was detected.
        caches: [],
        convertDetectedLanguage: languageOf,
      },
    });
  return instance;
}
