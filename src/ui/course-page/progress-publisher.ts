import { coverageOf } from '../../domain/played-segments.ts';
import type { LessonProgressView } from '../../store/progress-slice.ts';

/** The clock and progress bars move at most this often while a lesson plays. */
export const PUBLISH_INTERVAL_MS = 1000;

/** What the page shows of a lesson: whole seconds, whole percent, completion. */
function shownOf(view: LessonProgressView, durationSeconds: number): string {
  const percent = Math.floor(100 * coverageOf(view.segments, durationSeconds));
  return `${Math.floor(view.frontier)}|${percent}|${view.completedAt ?? ''}`;
}

/**
 * Passes the recorder's progress (about four reports a second) on to the store only when
 * something the page shows has changed, and then at most once a second (a completion at once),
 * so playback re-renders the page about once a second rather than on every `timeupdate`.
 * `latest` always holds the newest view, for whoever must not read a throttled copy.
 */
export function createProgressPublisher(options: {
  durationSeconds: number;
  publish(view: LessonProgressView): void;
  now?: () => number;
  intervalMs?: number;
}) {
  const { durationSeconds, publish } = options;
  const now = options.now ?? (() => performance.now());
  const intervalMs = options.intervalMs ?? PUBLISH_INTERVAL_MS;
  let latest: LessonProgressView | undefined;
  let shown: string | undefined;
  let publishedAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function publishLatest(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!latest) return;
    const next = shownOf(latest, durationSeconds);
    if (next === shown) return;
    shown = next;
    publishedAt = now();
    publish(latest);
  }

  return {
    get latest() {
      return latest;
    },
    update(view: LessonProgressView): void {
      const completedNow = view.completedAt !== null && latest?.completedAt !== view.completedAt;
      latest = view;
      const wait = publishedAt + intervalMs - now();
      if (completedNow || wait <= 0) publishLatest();
      else timer ??= setTimeout(publishLatest, wait);
    },
    /** Publishes what is held now (the lesson closes). */
    flush: publishLatest,
  };
}

export type ProgressPublisher = ReturnType<typeof createProgressPublisher>;
