import { posterSrc, type Lesson } from '../../domain/course-manifest.ts';
import './lesson-poster.css';

/**
 * The lesson's poster, drawn by the page itself so it shows before the player library has
 * arrived; hidden by CSS once video.js is in (which shows the same, already fetched, image).
 */
export function LessonPoster({ lesson, manifestUrl }: { lesson: Lesson; manifestUrl: string }) {
  const src = posterSrc(lesson);
  if (src === undefined) return null;
  return (
    <img
      className="lesson-poster"
      src={new URL(src, manifestUrl).href}
      alt=""
      decoding="async"
      fetchPriority="high"
    />
  );
}
