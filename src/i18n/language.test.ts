import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { LANGUAGE_KEY, languageOf, saveLanguage } from './language';
import { createI18n } from './setup';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A browser as the detector reads it: its languages, its localStorage and the <html> element. */
function browser(languages: string[], stored: Record<string, string> = {}) {
  const localStorage = memoryStorage(stored);
  const documentElement = { lang: '' };
  vi.stubGlobal('window', { localStorage });
  vi.stubGlobal('localStorage', localStorage);
  vi.stubGlobal('navigator', { languages, language: languages[0] });
  vi.stubGlobal('document', { documentElement });
  return { localStorage, documentElement };
}

afterEach(() => vi.unstubAllGlobals());

describe('languageOf', () => {
  it('maps every Korean tag to ko and anything else to en', () => {
    expect(['ko', 'ko-KR', 'KO-kr', 'ko_KR'].map(languageOf)).toEqual(['ko', 'ko', 'ko', 'ko']);
    expect(['en-US', 'en', 'fr-FR', 'kok', 'ja', ''].map(languageOf)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
  });
});

describe('createI18n', () => {
  it('follows a Korean browser and sets <html lang>', () => {
    const { documentElement } = browser(['ko-KR', 'en-US']);
    const i18n = createI18n();
    expect(i18n.language).toBe('ko');
    expect(i18n.t('editor.apply')).toBe('적용');
    expect(documentElement.lang).toBe('ko');
  });

  it('uses English for any other browser language, even with Korean second', () => {
    const { documentElement } = browser(['fr-FR', 'ko']);
    const i18n = createI18n();
    expect(i18n.language).toBe('en');
    expect(i18n.t('editor.apply')).toBe('Apply');
    expect(documentElement.lang).toBe('en');
  });

  it('prefers the stored choice over the browser', () => {
    browser(['en-US'], { [LANGUAGE_KEY]: 'ko' });
    expect(createI18n().language).toBe('ko');
  });

  it('does not store a detected language, only a choice', () => {
    const { localStorage } = browser(['ko-KR']);
    const i18n = createI18n();
    expect(localStorage.getItem(LANGUAGE_KEY)).toBeNull();
    saveLanguage(localStorage, 'en');
    void i18n.changeLanguage('en');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(createI18n().language).toBe('en');
  });

  it('interpolates counts into the sentence of each language', () => {
    browser(['ko']);
    const i18n = createI18n();
    expect(i18n.t('topBar.counts', { nodes: 4, pods: 12 })).toBe('노드 4개 · Pod 12개');
    void i18n.changeLanguage('en');
    expect(i18n.t('topBar.counts', { nodes: 4, pods: 12 })).toBe('4 nodes · 12 pods');
  });
});

describe('resources', () => {
  const leaves = (tree: object, prefix = ''): [string, string][] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`),
    );

  it('have the same keys and placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const english = new Map(leaves(en));
    const korean = new Map(leaves(ko));
    expect([...korean.keys()]).toEqual([...english.keys()]);
    for (const [key, text] of english) expect(placeholders(korean.get(key) ?? ''), key).toEqual(placeholders(text));
  });
});
