import { useState } from 'react';
import { isHlsType, type CourseManifest } from '../../domain/course-manifest.ts';
import { planLessonDownload, plannedBytes } from '../../domain/offline/download-plan.ts';
import { keyOf } from '../../offline/offline-storage.ts';
import { localized } from '../i18n/format.ts';
import type { Language } from '../i18n/messages.ts';
import type { OutlineEntryProps } from '../lesson-outline/lesson-outline.tsx';
import { DOWNLOAD_MESSAGES, formatBytes } from './download-messages.ts';
import { errorText, refusalText, shortName } from './download-texts.ts';
import { offlineStorage } from './offline-instance.ts';
import { useDownloadsVersion } from './use-downloads.ts';
import './downloads.css';

interface Context {
  manifest: CourseManifest;
  manifestUrl: string;
  language: Language;
}

/**
 * An outline entry with its download control. The entry carries the QA contract:
 * `data-download-state` and `data-download-progress` (0–1), from the moment the device's stored
 * downloads are known.
 */
export function downloadableItem({ manifest, manifestUrl, language }: Context) {
  return function DownloadableItem({ lesson, itemProps, children }: OutlineEntryProps) {
    useDownloadsVersion();
    const storage = offlineStorage();
    const [message, setMessage] = useState<string | null>(null);
    const t = DOWNLOAD_MESSAGES[language];
    const entry = storage.queue.get(keyOf(manifest.id, lesson.id));
    const state = entry?.record.state ?? 'none';
    const total = entry?.record.bytesTotal ?? plannedOf(lesson);
    const done = state === 'complete' || state === 'outdated' ? total : (entry?.bytesDone ?? 0);
    const share = total > 0 ? Math.min(1, done / total) : state === 'complete' ? 1 : 0;
    const title = localized(lesson.title, language);
    const active = state === 'queued' || state === 'downloading' || state === 'paused';
    const downloadText =
      state === 'outdated' ? t.update : `${t.download} · ${formatBytes(total, language)}`;

    const download = async () => {
      setMessage(null);
      const ask = await storage.ask(manifest, manifestUrl, [lesson]);
      if (!ask.ok) return setMessage(refusalText(ask, language));
      await storage.download(manifest, manifestUrl, [lesson]);
      // Offline, an HLS lesson needs the HLS engine, which is otherwise fetched on first play.
      if (lesson.sources.some((source) => isHlsType(source.type))) {
        void import('../../player/load-hls-engine.ts').then((engine) => engine.loadHlsEngine());
      }
    };
    const problem =
      state === 'error' && entry?.record.error
        ? errorText(entry.record.error, language)
        : entry?.refetching
          ? t.integrityRetry(shortName(entry.refetching))
          : message;

    return (
      <li
        {...itemProps}
        // Absent until the device's downloads were read: a state is never guessed.
        data-download-state={storage.queue.settled ? state : undefined}
        data-download-progress={storage.queue.settled ? share.toFixed(3) : undefined}
      >
        {children}
        <div className="download-row">
          {active ? (
            <>
              <progress
                className="outline-bar download-bar"
                max={1}
                value={share}
                aria-label={`${t.states[state]}: ${title}`}
              />
              <span className="download-text" aria-live="polite">
                {t.states[state]} ·{' '}
                {t.progress(formatBytes(done, language), formatBytes(total, language))}
              </span>
            </>
          ) : state !== 'none' ? (
            <span className="download-text">{t.states[state]}</span>
          ) : null}
          <span className="download-buttons">
            {state === 'none' || state === 'error' || state === 'outdated' ? (
              <button
                type="button"
                data-action="download"
                aria-label={t.downloadLabel(downloadText, title)}
                onClick={() => void download()}
              >
                {downloadText}
              </button>
            ) : null}
            {state !== 'none' ? (
              <button
                type="button"
                data-action="delete-download"
                aria-label={active ? t.cancelLabel(title) : t.deleteLabel(title)}
                onClick={() => void storage.remove(keyOf(manifest.id, lesson.id))}
              >
                {active ? t.cancel : t.deleteDownload}
              </button>
            ) : null}
          </span>
        </div>
        {problem ? (
          <p className="download-problem" role="alert">
            {problem}
          </p>
        ) : null}
      </li>
    );
  };
}

function plannedOf(lesson: Parameters<typeof planLessonDownload>[0]): number {
  const plan = planLessonDownload(lesson);
  return plan.ok ? plannedBytes(plan.files) : 0;
}
