import type { DownloadRecord } from '../../offline/media-db.ts';
import type { DownloadAsk } from '../../offline/offline-storage.ts';
import type { Language } from '../i18n/messages.ts';
import { DOWNLOAD_MESSAGES, formatBytes } from './download-messages.ts';

export function refusalText(ask: Exclude<DownloadAsk, { ok: true }>, language: Language): string {
  const t = DOWNLOAD_MESSAGES[language];
  if (ask.reason === 'no-files') return t.noFiles;
  return t.noSpace(formatBytes(ask.needed, language), formatBytes(ask.spaceLeft, language));
}

export function errorText(error: NonNullable<DownloadRecord['error']>, language: Language): string {
  const t = DOWNLOAD_MESSAGES[language];
  const file = error.file ? shortName(error.file) : '';
  switch (error.code) {
    case 'integrity':
      return t.integrityFailed(file);
    case 'quota':
      return t.quotaFailed;
    case 'http':
      return t.httpFailed(file);
    case 'no-files':
      return t.noFiles;
    default:
      return t.storageFailed;
  }
}

export function shortName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').slice(-2).join('/'));
  } catch {
    return url;
  }
}
