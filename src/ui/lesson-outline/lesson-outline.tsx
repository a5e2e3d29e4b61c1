import { memo, useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import type { CourseManifest, Lesson } from '../../domain/course-manifest.ts';
import { estimateLessonBytes } from '../../domain/data-saver.ts';
import type { LessonState } from '../../domain/lesson-order.ts';
import { coverageOf } from '../../domain/played-segments.ts';
import type { LessonProgressView } from '../../store/progress-slice.ts';
import { formatApproxBytes } from '../../player/data-saver/format-size.ts';
import {
  readQualityChoice,
  subscribeQualityChoice,
} from '../../player/data-saver/quality-choice.ts';
import { localized, formatLocalDateTime } from '../i18n/format.ts';
import { MESSAGES, type Language } from '../i18n/messages.ts';
import { lessonPath } from '../routing/course-route.ts';
import './lesson-outline.css';

interface LessonOutlineProps {
  manifest: CourseManifest;
  states: Map<string, LessonState>;
  progress: Record<string, LessonProgressView>;
  openLessonId: string | null;
  language: Language;
  onOpen(lessonId: string): void;
  /**
   * Renders an entry's `<li>` with more in it (the download control). Until it is given (the
   * downloads UI comes after the first frame), each entry is a plain `<li>` keeping the room of
   * that control's row, so nothing moves when it comes.
   */
  Item?: ((props: OutlineEntryProps) => ReactElement) | undefined;
}

export interface OutlineItemAttributes {
  'data-lesson-id': string;
  'data-lesson-state': LessonState;
  'data-lesson-bytes': number | undefined;
  'aria-current': 'step' | undefined;
  className: string;
}

export interface OutlineEntryProps {
  lesson: Lesson;
  itemProps: OutlineItemAttributes;
  children: ReactNode;
}

/**
 * Every lesson with its state and watched share. Locked lessons are shown but cannot be opened:
 * they are not links, and the page refuses them by URL and history too.
 */
export function LessonOutline(props: LessonOutlineProps) {
  const { manifest, states, progress, openLessonId, language } = props;
  const t = MESSAGES[language];
  // Sizes follow the quality chosen in the player (data saver until the participant picks).
  const quality = useSyncExternalStore(subscribeQualityChoice, readQualityChoice);
  return (
    <nav className="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t.outlineHeading}</h2>
      <ol>
        {manifest.lessons.map((lesson, index) => (
          <OutlineItem
            key={lesson.id}
            courseId={manifest.id}
            lesson={lesson}
            index={index}
            state={states.get(lesson.id) ?? 'locked'}
            shownPercent={watchedPercent(progress[lesson.id], lesson.durationSeconds)}
            completedAt={progress[lesson.id]?.completedAt ?? null}
            current={lesson.id === openLessonId}
            bytes={estimateLessonBytes(lesson, quality)}
            language={language}
            onOpen={props.onOpen}
            Item={props.Item}
          />
        ))}
      </ol>
    </nav>
  );
}

interface OutlineItemProps {
  courseId: string;
  lesson: Lesson;
  index: number;
  state: LessonState;
  shownPercent: number;
  completedAt: string | null;
  current: boolean;
  /** Estimated bytes at the chosen quality, when the manifest says enough to know. */
  bytes: number | undefined;
  language: Language;
  onOpen(lessonId: string): void;
  Item: LessonOutlineProps['Item'];
}

/** One entry; redrawn only when what it shows changes (the open lesson's share, a state). */
const OutlineItem = memo(function OutlineItem(props: OutlineItemProps) {
  const { courseId, lesson, index, state, shownPercent, completedAt, current, bytes, language } =
    props;
  const t = MESSAGES[language];
  const title = localized(lesson.title, language);
  const stateLabel = {
    locked: t.lessonLocked,
    available: t.lessonAvailable,
    completed: t.lessonCompleted,
  }[state];
  const body = (
    <>
      <span className="outline-number" aria-hidden="true">
        {state === 'completed' ? '✓' : state === 'locked' ? <LockIcon /> : index + 1}
      </span>
      <span className="outline-text">
        <span className="outline-title">{title}</span>
        <span className="outline-meta">
          {stateLabel} · {t.watchedShare(shownPercent)}
          {bytes === undefined ? '' : ` · ${formatApproxBytes(bytes, language)}`}
          {completedAt ? ` · ${t.completedAt(formatLocalDateTime(completedAt, language))}` : ''}
        </span>
        <progress
          className="outline-bar"
          max={100}
          value={shownPercent}
          aria-label={`${title}: ${t.watchedShare(shownPercent)}`}
        />
      </span>
    </>
  );
  const itemProps: OutlineItemAttributes = {
    'data-lesson-id': lesson.id,
    'data-lesson-state': state,
    'data-lesson-bytes': bytes,
    'aria-current': current ? 'step' : undefined,
    className: `outline-item outline-${state}${current ? ' outline-current' : ''}`,
  };
  const entry =
    state === 'locked' ? (
      <span
        className="outline-entry"
        aria-disabled="true"
        title={t.lessonLockedHint}
        aria-description={t.lessonLockedHint}
      >
        {body}
      </span>
    ) : (
      <a
        className="outline-entry"
        href={lessonPath(courseId, lesson.id)}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          props.onOpen(lesson.id);
        }}
      >
        {body}
      </a>
    );
  const { Item } = props;
  return Item ? (
    <Item lesson={lesson} itemProps={itemProps}>
      {entry}
    </Item>
  ) : (
    <li {...itemProps}>
      {entry}
      <div className="outline-item-room" aria-hidden="true" />
    </li>
  );
});

/**
 * The watched share shown to people: a completed lesson reads 100 % even though the end
 * tolerance let it complete a fraction of a second short.
 */
export function watchedPercent(
  progress: Pick<LessonProgressView, 'segments' | 'completedAt'> | undefined,
  durationSeconds: number,
): number {
  if (progress?.completedAt) return 100;
  return Math.floor(100 * coverageOf(progress?.segments ?? [], durationSeconds));
}

/** Drawn, not an emoji: cheap phones often lack an emoji font. */
function LockIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
