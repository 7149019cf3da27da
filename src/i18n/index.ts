/**
 * The UI's i18n. Importing this module initialises it, so every component that translates imports
 * `useTranslation` from here rather than from react-i18next.
 */
import { useTranslation } from 'react-i18next';
import { type Language, saveLanguage, languageOf } from './language';
import { createI18n } from './setup';

export const i18n = createI18n();

export { useTranslation };
export { LANGUAGE_NAMES, LANGUAGES, type Language } from './language';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The language switch: changes the UI and remembers the choice. */
export function setLanguage(language: Language): void {
  saveLanguage(storage(), language);
  void i18n.changeLanguage(language);
}

/** The current language as one of ours, whatever region tag i18next resolved. */
export function currentLanguage(language = i18n.resolvedLanguage ?? i18n.language): Language {
  return languageOf(language);
}
