import { useEffect, useRef, useState } from 'react';
import type { Lesson } from '../../domain/course-manifest.ts';
import type { LessonPlayer } from '../../player/create-lesson-player.ts';
import type { LessonProgressView } from '../../store/progress-slice.ts';
import type { NoticeKey } from '../../store/session-slice.ts';
import { MESSAGES, type Language } from '../i18n/messages.ts';
import type { ProgressRecorder } from './progress-recorder.ts';

const NOTICE_REPEAT_MS = 2000;
const SPEED_TOOL_WINDOW_MS = 5000;
const SPEED_TOOL_REFUSALS = 3;

interface LessonPlayerViewProps {
  lesson: Lesson;
  manifestUrl: string;
  initial: LessonProgressView;
  pauseWhenHidden: boolean;
  language: Language;
  recorder: ProgressRecorder;
  onNotice(key: NoticeKey): void;
}

/**
 * Mounts the enforcing player for one lesson. The player library is imported here, lazily, so
 * the outline is on screen before video.js arrives. The UI never touches the media element.
 */
export function LessonPlayerView(props: LessonPlayerViewProps) {
  const { lesson, manifestUrl, recorder, language } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<LessonPlayer | null>(null);
  const [loading, setLoading] = useState(true);
  // The player reads these once at creation: later changes come through its own methods.
  const creation = useRef(props);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let disposed = false;
    const { initial, pauseWhenHidden, onNotice } = creation.current;
    // A drag past the frontier is refused many times a second: say so once, not fifty times.
    const lastNoticeAt = new Map<NoticeKey, number>();
    const rateRefusals: number[] = [];
    const announce = (key: NoticeKey) => {
      const now = performance.now();
      if (key === 'rateBlocked') {
        rateRefusals.push(now);
        while ((rateRefusals[0] ?? now) < now - SPEED_TOOL_WINDOW_MS) rateRefusals.shift();
        // Something keeps re-applying a fast rate: name the cause, or the participant only
        // sees playback being pulled back and cannot tell why.
        if (rateRefusals.length >= SPEED_TOOL_REFUSALS) key = 'speedToolDetected';
      }
      if (
        key === 'seekBlocked' &&
        now - (lastNoticeAt.get('speedToolDetected') ?? -Infinity) < SPEED_TOOL_WINDOW_MS
      ) {
        return;
      }
      if (now - (lastNoticeAt.get(key) ?? Number.NEGATIVE_INFINITY) < NOTICE_REPEAT_MS) return;
      lastNoticeAt.set(key, now);
      onNotice(key);
    };
    void (async () => {
      const { createLessonPlayer } = await import('../../player/create-lesson-player.ts');
      if (disposed) return;
      const player = await createLessonPlayer({
        container,
        lesson,
        baseUrl: manifestUrl,
        initial: {
          segments: initial.segments,
          position: initial.position,
          completed: initial.completedAt !== null,
        },
        pauseWhenHidden,
        language: creation.current.language,
        onProgress: (progress) => recorder.record(progress),
        onBlocked: (attempt) => announce(attempt.kind === 'seek' ? 'seekBlocked' : 'rateBlocked'),
        onError: () => announce('mediaError'),
      });
      if (disposed) {
        player.dispose();
        return;
      }
      playerRef.current = player;
      setLoading(false);
      void recorder.start();
    })();
    // The tab may be killed after this: write what is held now (visibilitychange comes through
    // the player as a 'hidden' report).
    const flushOnPageHide = () => void recorder.flush();
    window.addEventListener('pagehide', flushOnPageHide);
    return () => {
      window.removeEventListener('pagehide', flushOnPageHide);
      disposed = true;
      playerRef.current?.dispose();
      playerRef.current = null;
      void recorder.flush();
    };
  }, [lesson, manifestUrl, recorder]);

  useEffect(() => {
    playerRef.current?.setLanguage(language);
  }, [language]);

  useEffect(() => {
    if (props.initial.completedAt) playerRef.current?.markCompleted();
  }, [props.initial.completedAt]);

  return (
    <div className="lesson-player" aria-busy={loading}>
      {loading ? <p className="player-loading">{MESSAGES[language].loadingPlayer}</p> : null}
      <div ref={containerRef} className="player-container" />
    </div>
  );
}
