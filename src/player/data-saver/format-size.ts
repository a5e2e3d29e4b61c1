/**
 * A size as people read it before they spend it: "± 12 MB", "± 850 kB" (decimal units, as
 * operators bill), with the language's decimal mark ("± 1,2 MB" in Indonesian).
 */
export function formatApproxBytes(bytes: number, language: 'id' | 'en'): string {
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  const [value, unit] =
    bytes >= 1e9 ? [bytes / 1e9, 'GB'] : bytes >= 1e6 ? [bytes / 1e6, 'MB'] : [bytes / 1e3, 'kB'];
  const digits = value < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(Math.max(value, 0.1));
  return `± ${number} ${unit}`;
}
