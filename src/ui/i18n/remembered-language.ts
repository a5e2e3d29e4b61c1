import { parseLanguage, type Language } from '../../domain/language.ts';

/**
 * The language choice, also kept synchronously in localStorage: IndexedDB opens only after the
 * first screen, so a choice made in the first seconds would otherwise be lost to a reload.
 */
const KEY = 'runtut.language';

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Storage refused: the choice lasts for this page only, as IndexedDB's would.
  }
}

export function rememberedLanguage(): Language | undefined {
  try {
    return parseLanguage(localStorage.getItem(KEY));
  } catch {
    return undefined;
  }
}
