import type { LocalizedText } from '../../domain/course-manifest.ts';
import { localeOf, type Language } from './messages.ts';

export function localized(text: LocalizedText, language: Language): string {
  if (typeof text === 'string') return text;
  return language === 'en' && text.en ? text.en : text.id;
}

/** A date in the participant's own time zone, with the zone's name (e.g. "21.05 WIT"). */
export function formatLocalDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Media time as m:ss. */
export function formatMediaTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
