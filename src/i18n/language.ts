/**
 * Which language the UI speaks: the learner's explicit choice, kept in localStorage, else the
 * browser's (any Korean tag → Korean, anything else → English).
 */

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the language switch shows for each language, in that language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어' };

export const LANGUAGE_KEY = 'kubesim.language';

/** "ko", "ko-KR", "KO_kr" → ko; every other tag → en. */
export function languageOf(tag: string): Language {
  return /^ko(?:[-_]|$)/i.test(tag) ? 'ko' : 'en';
}

type Storage = Pick<globalThis.Storage, 'setItem'>;

/** Remembers an explicit choice; only a choice is stored, so a visitor who never chose keeps following the browser. */
export function saveLanguage(storage: Storage | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // A disabled storage only costs the choice on the next visit.
  }
}
