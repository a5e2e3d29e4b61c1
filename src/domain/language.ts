/** Languages of the interface: Bahasa Indonesia by default, English available. */
export type Language = 'id' | 'en';
export const LANGUAGES: readonly Language[] = ['id', 'en'];

export function parseLanguage(value: string | null | undefined): Language | undefined {
  return value === 'id' || value === 'en' ? value : undefined;
}
