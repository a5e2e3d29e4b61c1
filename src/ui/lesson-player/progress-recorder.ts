import { isLessonComplete } from '../../domain/completion.ts';
import type { Lesson } from '../../domain/course-manifest.ts';
import type { LessonEventType } from '../../domain/lesson-events.ts';
import { coveredSeconds, type Segment } from '../../domain/played-segments.ts';
import type { PlayerProgress } from '../../player/create-lesson-player.ts';
import type { StorageHealth } from '../../store/session-slice.ts';
import type { LessonProgressView } from '../../store/progress-slice.ts';
import type { EventFacts, ProgressRepository } from '../../storage/progress-repository.ts';

/** Progress is written at most this often while playing, so a killed tab loses at most ~2 s. */
export const SAVE_INTERVAL_MS = 2000;
/** A progress event for the server at most this often while playing (and at every pause). */
export const EVENT_INTERVAL_MS = 10_000;

export interface ProgressRecorderOptions {
  repository: ProgressRepository | null;
  participantId: string;
  courseId: string;
  lesson: Lesson;
  initial: LessonProgressView;
  onChange(view: LessonProgressView): void;
  onCompleted(completedAt: string): void;
  onStorageHealth(health: StorageHealth): void;
  onSaved?(): void;
  clock?: { wallIso(): string; monotonicMs(): number };
}

const systemClock = {
  wallIso: () => new Date().toISOString(),
  monotonicMs: () => performance.now(),
};

/**
 * Turns the player's progress reports into durable progress and lesson events: decides
 * completion from played coverage (never from `ended`), throttles writes, and keeps going in
 * memory when storage fails, so the rules never depend on IndexedDB.
 */
export function createProgressRecorder(options: ProgressRecorderOptions) {
  const { lesson, repository, clock = systemClock } = options;
  let view: LessonProgressView = options.initial;
  let lastSaveMs = Number.NEGATIVE_INFINITY;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let lastEvent: { monotonicMs: number; segments: Segment[] } | undefined;
  let pendingEvent: LessonEventType | undefined;
  let writing: Promise<void> = Promise.resolve();

  function nextEventFacts(force: boolean): EventFacts | undefined {
    const now = clock.monotonicMs();
    const type = pendingEvent;
    // A completed lesson is in review: nothing more to report.
    if (view.completedAt && type !== 'completed') return undefined;
    const playedSinceLast = lastEvent
      ? Math.max(0, playedSeconds(view.segments) - playedSeconds(lastEvent.segments))
      : 0;
    const changed = !lastEvent || playedSinceLast > 0;
    const due = !lastEvent || now - lastEvent.monotonicMs >= EVENT_INTERVAL_MS;
    if (!type && !(changed && (due || force))) return undefined;
    const facts: EventFacts = {
      type: type ?? 'progress',
      deviceTime: clock.wallIso(),
      playedSinceLast,
      elapsedMsSinceLast: lastEvent ? Math.round(now - lastEvent.monotonicMs) : 0,
    };
    lastEvent = { monotonicMs: now, segments: view.segments };
    pendingEvent = undefined;
    return facts;
  }

  function save(force: boolean): Promise<void> {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    lastSaveMs = clock.monotonicMs();
    const facts = nextEventFacts(force);
    const record = {
      participantId: options.participantId,
      courseId: options.courseId,
      lessonId: lesson.id,
      ...view,
      updatedAt: clock.wallIso(),
    };
    writing = writing.then(async () => {
      if (!repository) return;
      try {
        await repository.save(record, facts);
        options.onStorageHealth('ok');
        options.onSaved?.();
      } catch (error) {
        options.onStorageHealth(isQuotaError(error) ? 'full' : 'unavailable');
      }
    });
    return writing;
  }

  function scheduleSave() {
    const wait = lastSaveMs + SAVE_INTERVAL_MS - clock.monotonicMs();
    if (wait <= 0) void save(false);
    else saveTimer ??= setTimeout(() => void save(false), wait);
  }

  return {
    /** Marks the start of a viewing session; the server measures pace from here. */
    start(): Promise<void> {
      if (view.completedAt) return Promise.resolve();
      pendingEvent = 'started';
      return save(true);
    },

    record(progress: PlayerProgress): void {
      view = {
        segments: progress.segments,
        frontier: Math.max(view.frontier, progress.frontier),
        position: progress.position,
        completedAt: view.completedAt,
      };
      if (!view.completedAt && isLessonComplete(view.segments, lesson)) {
        view = { ...view, completedAt: clock.wallIso() };
        pendingEvent = 'completed';
        options.onChange(view);
        options.onCompleted(view.completedAt as string);
        void save(true);
        return;
      }
      options.onChange(view);
      if (progress.reason === 'tick') scheduleSave();
      else void save(true);
    },

    /** Writes what is held now (pagehide, lesson change). */
    flush(): Promise<void> {
      return save(true);
    },

    dispose(): void {
      clearTimeout(saveTimer);
    },
  };
}

export type ProgressRecorder = ReturnType<typeof createProgressRecorder>;

function playedSeconds(segments: readonly Segment[]): number {
  return coveredSeconds(segments, Number.POSITIVE_INFINITY);
}

function isQuotaError(error: unknown): boolean {
  const names = [
    (error as { name?: string })?.name,
    (error as { inner?: { name?: string } })?.inner?.name,
  ];
  return names.some((name) => name === 'QuotaExceededError');
}
