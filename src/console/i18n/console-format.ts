import type { Language } from '../../domain/language.ts';

const locale = (language: Language) => (language === 'id' ? 'id-ID' : 'en-GB');

export const formatNumber = (value: number, language: Language) =>
  new Intl.NumberFormat(locale(language)).format(value);

export const formatPercent = (share: number, language: Language) =>
  new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );

/** A length of time as "2 j 05 m" / "2 h 05 m", or "45 d" / "45 s" under a minute. */
export function formatDuration(seconds: number, language: Language): string {
  const whole = Math.max(0, Math.round(seconds));
  const [h, m, s] = language === 'id' ? ['j', 'm', 'd'] : ['h', 'm', 's'];
  const days = Math.floor(whole / 86_400);
  const hours = Math.floor((whole % 86_400) / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  if (days > 0) return `${days} ${language === 'id' ? 'hari' : 'd'} ${hours} ${h}`;
  if (hours > 0) return `${hours} ${h} ${String(minutes).padStart(2, '0')} ${m}`;
  if (minutes > 0) return `${minutes} ${m} ${String(whole % 60).padStart(2, '0')} ${s}`;
  return `${whole} ${s}`;
}

export { formatMediaTime, localized } from '../../ui/i18n/format.ts';
