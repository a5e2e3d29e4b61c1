import { useEffect, useState } from 'react';
import type { CourseManifest } from '../../domain/course-manifest.ts';
import type { StorageSummary } from '../../offline/offline-storage.ts';
import { localized } from '../i18n/format.ts';
import type { Language } from '../i18n/messages.ts';
import { DOWNLOAD_MESSAGES, formatBytes } from './download-messages.ts';
import { refusalText } from './download-texts.ts';
import { offlineStorage } from './offline-instance.ts';
import { useDownloadsVersion } from './use-downloads.ts';

interface DownloadsPanelProps {
  manifest: CourseManifest;
  manifestUrl: string;
  language: Language;
}

/**
 * The "Unduhan" / "Downloads" view: what is stored and its size, space left, the playback cache
 * (with "clear"), the data Runtut used today and this month, and whether the browser promised to
 * keep downloads. Also the course's "Unduh semua" / "Download all".
 */
export function DownloadsPanel({ manifest, manifestUrl, language }: DownloadsPanelProps) {
  const version = useDownloadsVersion();
  const storage = offlineStorage();
  const t = DOWNLOAD_MESSAGES[language];
  const [summary, setSummary] = useState<StorageSummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    void storage.start(manifest, manifestUrl);
  }, [storage, manifest, manifestUrl]);
  useEffect(() => {
    let live = true;
    void storage.summary().then((next) => live && setSummary(next));
    return () => {
      live = false;
    };
  }, [storage, version, refresh]);

  const downloadAll = async () => {
    setMessage(null);
    const ask = await storage.ask(manifest, manifestUrl, manifest.lessons);
    if (!ask.ok) return setMessage(refusalText(ask, language));
    await storage.download(manifest, manifestUrl, manifest.lessons);
  };
  const titleOf = (lessonId: string) => {
    const lesson = manifest.lessons.find((l) => l.id === lessonId);
    return lesson ? localized(lesson.title, language) : lessonId;
  };
  const stored = (summary?.downloads ?? []).filter(
    (d) => d.courseId === manifest.id && d.state !== 'none',
  );
  const spaceLeft =
    summary?.quota !== undefined ? Math.max(0, summary.quota - (summary.usage ?? 0)) : null;
  const embedded = window.top !== window.self;

  return (
    <section className="downloads" aria-labelledby="downloads-heading" data-downloads-view="">
      <div className="downloads-head">
        <h2 id="downloads-heading">{t.heading}</h2>
        <button type="button" data-action="download-all" onClick={() => void downloadAll()}>
          {t.downloadAll}
        </button>
      </div>
      {message ? (
        <p className="download-problem" role="alert">
          {message}
        </p>
      ) : null}
      {stored.length === 0 ? <p className="downloads-note">{t.empty}</p> : null}
      <ul className="downloads-list">
        {stored.map((d) => (
          <li key={d.key} data-stored-lesson={d.lessonId}>
            <span>{titleOf(d.lessonId)}</span>
            <span className="downloads-size">
              {d.bytes > 0 ? formatBytes(d.bytes, language) : t.states[d.state as 'queued']}
            </span>
          </li>
        ))}
      </ul>
      {summary ? (
        <ul className="downloads-facts">
          <li>{t.downloadedTotal(formatBytes(summary.downloadedBytes, language))}</li>
          {spaceLeft !== null ? <li>{t.spaceLeft(formatBytes(spaceLeft, language))}</li> : null}
          <li data-cache-bytes={summary.cacheBytes}>
            {t.cacheSize(formatBytes(summary.cacheBytes, language))}
          </li>
          <li data-used-today={summary.usedToday} data-used-month={summary.usedThisMonth}>
            {t.dataUsed(
              formatBytes(summary.usedToday, language),
              formatBytes(summary.usedThisMonth, language),
            )}
          </li>
        </ul>
      ) : null}
      <div className="downloads-actions">
        <button
          type="button"
          data-action="clear-cache"
          onClick={() => void storage.clearCache().then(() => setRefresh((n) => n + 1))}
        >
          {t.clearCache}
        </button>
        {stored.length > 0 ? (
          <button
            type="button"
            data-action="delete-all-downloads"
            onClick={() => void storage.removeAll()}
          >
            {t.deleteAll}
          </button>
        ) : null}
      </div>
      {stored.length > 0 && summary ? (
        <p className="downloads-note" data-persisted={String(summary.persisted)}>
          {summary.persisted === true
            ? t.persisted
            : summary.persisted === false
              ? t.notPersisted
              : t.persistUnknown}
        </p>
      ) : null}
      <p className="downloads-note">{t.lockedNote}</p>
      {embedded ? <p className="downloads-note">{t.embeddedNote}</p> : null}
    </section>
  );
}
