import { furthestWatched, mergeSegments } from '../domain/played-segments.ts';
import { mergeProgressRecords } from '../storage/merge-progress.ts';
import type { LessonProgressRecord, RuntutDb } from '../storage/runtut-db.ts';
import {
  getProgress,
  globalFetch,
  type FetchLike,
  type ServerLessonProgress,
} from './api-client.ts';
import type { Identity } from './identity.ts';

export interface RestoreOptions {
  fetchImpl?: FetchLike;
  timeoutMs?: number;
  now?: () => Date;
}

/** `lessons` is what the server credits, in course order (its completions are confirmed). */
export type RestoreResult =
  { ok: true; updated: number; lessons: ServerLessonProgress[] } | { ok: false };

function serverRecord(
  identity: Identity,
  courseId: string,
  lesson: ServerLessonProgress,
  updatedAt: string,
): LessonProgressRecord {
  const segments = mergeSegments(lesson.segments ?? []);
  return {
    participantId: identity.participantId,
    courseId,
    lessonId: lesson.lessonId,
    segments,
    frontier: furthestWatched(segments),
    position: lesson.position ?? 0,
    completedAt: lesson.completedAt ?? null,
    updatedAt,
  };
}

function sameProgress(a: LessonProgressRecord, b: LessonProgressRecord): boolean {
  return (
    a.frontier === b.frontier &&
    a.completedAt === b.completedAt &&
    JSON.stringify(a.segments) === JSON.stringify(b.segments)
  );
}

/**
 * Brings what the server knows (e.g. from another phone) into this device's progress without
 * ever losing local progress: segments are united, the frontier is the furthest, the completion
 * the earliest, and the local resume position wins. Writes no events: the server already knows.
 * Never throws for network trouble: the participant simply continues from local progress.
 */
export async function restoreFromServer(
  db: RuntutDb,
  identity: Identity,
  courseId: string,
  apiBase: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  if (identity.token === null) return { ok: false };
  const reply = await getProgress(
    { apiBase, fetch: options.fetchImpl ?? globalFetch, timeoutMs: options.timeoutMs ?? 10_000 },
    identity.token,
    courseId,
  );
  if (!reply.ok) return { ok: false };
  const updatedAt = (options.now?.() ?? new Date()).toISOString();
  let updated = 0;
  await db.transaction('rw', db.progress, async () => {
    for (const lesson of reply.value) {
      const remote = serverRecord(identity, courseId, lesson, updatedAt);
      const local = await db.progress.get([identity.participantId, courseId, lesson.lessonId]);
      if (!local && remote.segments.length === 0 && remote.completedAt === null) continue;
      const merged = local ? mergeProgressRecords(local, remote) : remote;
      if (local && sameProgress(local, merged)) continue;
      await db.progress.put(merged);
      updated += 1;
    }
  });
  return { ok: true, updated, lessons: reply.value };
}
