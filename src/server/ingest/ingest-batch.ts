import { coverageOf } from '../../domain/played-segments.ts';
import { creditBatch, type LessonLedger } from '../../domain/server-credit.ts';
import type { Identity } from '../auth/identity.ts';
import type { CourseCatalog } from '../courses/course-catalog.ts';
import type { Database, Queryable } from '../db/database.ts';
import { checkEvent, type CheckedEvent } from './check-event.ts';
import { updateConsoleSummaries } from './console-summaries.ts';
import type { EventResult, LessonSummary } from './delivery.ts';
import { findStored, insertEvents, seqKey } from './event-store.ts';
import { loadLedger, lockParticipant, saveLedger } from './ledger-store.ts';

export interface IngestReply {
  results: EventResult[];
  lessons: LessonSummary[];
}

/** Another transaction stored one of our ids between our lookup and our insert: start again. */
class InsertRace extends Error {}
const ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  if (error instanceof InsertRace) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001'; // deadlock, serialization failure
}

interface Pending {
  index: number;
  checked: CheckedEvent;
}

function summarize(lessons: readonly LessonLedger[], courses: CourseCatalog): LessonSummary[] {
  return lessons.map((lesson) => {
    const duration =
      courses.get(lesson.courseId)?.lessons.find((item) => item.id === lesson.lessonId)
        ?.durationSeconds ?? 0;
    return {
      courseId: lesson.courseId,
      lessonId: lesson.lessonId,
      completedAt: lesson.completedAt === null ? null : new Date(lesson.completedAt).toISOString(),
      coverage: coverageOf(lesson.credited, duration),
    };
  });
}

/** Sorts already-stored and repeated events out of `pending`; fills their results. */
function sortOutRepeats(
  pending: readonly Pending[],
  stored: Awaited<ReturnType<typeof findStored>>,
  participantId: string,
  results: EventResult[],
): Pending[] {
  const fresh: Pending[] = [];
  const seenSeqs = new Set<string>();
  for (const item of pending) {
    const { event, payloadHash } = item.checked;
    const id = results[item.index]?.id ?? event.id;
    const earlier = stored.byId.get(event.id);
    if (earlier) {
      const same = earlier.participantId === participantId && earlier.payloadHash === payloadHash;
      results[item.index] = same
        ? { id, status: 'duplicate' }
        : {
            id,
            status: 'conflict',
            reason: 'An event with this id was already recorded with a different payload.',
          };
      continue;
    }
    const seq = seqKey(event.deviceId, event.seq);
    if (stored.takenSeqs.has(seq) || seenSeqs.has(seq)) {
      results[item.index] = {
        id,
        status: 'rejected',
        field: 'seq',
        reason: `Device "${event.deviceId}" already sent another event with seq ${event.seq}.`,
      };
      continue;
    }
    seenSeqs.add(seq);
    fresh.push(item);
  }
  return fresh;
}

async function creditAndStore(
  tx: Queryable,
  identity: Identity,
  courses: CourseCatalog,
  pending: readonly Pending[],
  results: EventResult[],
  nowMs: number,
): Promise<LessonSummary[]> {
  const participant = await lockParticipant(tx, identity, nowMs);
  const stored = await findStored(
    tx,
    identity.participantId,
    pending.map((item) => item.checked),
  );
  const fresh = sortOutRepeats(pending, stored, identity.participantId, results);
  if (fresh.length === 0) return [];
  const batch = fresh.map((item) => item.checked);
  const ledger = await loadLedger(tx, identity.participantId, participant, batch, nowMs);
  const credit = creditBatch(ledger, batch, courses.lessonOrder);
  const rows = fresh.map((item, i) => ({ checked: item.checked, outcome: credit.outcomes[i]! }));
  const inserted = await insertEvents(tx, identity.participantId, nowMs, rows);
  if (inserted !== rows.length) throw new InsertRace();
  rows.forEach(({ outcome }, i) => {
    const index = fresh[i]!.index;
    const id = results[index]?.id ?? null;
    results[index] =
      outcome.flags.length > 0
        ? { id, status: 'accepted', flags: outcome.flags }
        : { id, status: 'accepted' };
  });
  const saved = await saveLedger(tx, identity.participantId, credit, courses);
  // Console summaries (issue 11): one call, same transaction as lesson_progress.
  await updateConsoleSummaries(tx, identity.participantId, ledger, credit, batch, courses);
  return summarize(saved, courses);
}

/**
 * POST /events: validates each event on its own, then stores and credits the valid ones in ONE
 * transaction under the participant's lock. Idempotent: ids already stored come back as
 * `duplicate` (same payload) or `conflict` (different payload), and change nothing.
 */
export async function ingestBatch(
  db: Database,
  courses: CourseCatalog,
  identity: Identity,
  inputs: readonly unknown[],
  nowMs: number,
): Promise<IngestReply> {
  const results: EventResult[] = [];
  const pending: Pending[] = [];
  const firstById = new Map<string, Pending>();
  inputs.forEach((input, index) => {
    const check = checkEvent(input, identity, courses);
    if (!check.ok) {
      results.push(check.result);
      return;
    }
    const originalId = (input as { id: string }).id;
    results.push({ id: originalId, status: 'accepted' });
    const item = { index, checked: check.checked };
    const first = firstById.get(check.checked.event.id);
    if (first) {
      results[index] =
        first.checked.payloadHash === check.checked.payloadHash
          ? { id: originalId, status: 'duplicate' }
          : {
              id: originalId,
              status: 'conflict',
              reason: 'The same id appears earlier in this batch with a different payload.',
            };
      return;
    }
    firstById.set(check.checked.event.id, item);
    pending.push(item);
  });
  if (pending.length === 0) return { results, lessons: [] };
  for (let attempt = 1; ; attempt += 1) {
    const attemptResults = [...results];
    try {
      const lessons = await db.transaction((tx) =>
        creditAndStore(tx, identity, courses, pending, attemptResults, nowMs),
      );
      return { results: attemptResults, lessons };
    } catch (error) {
      if (!isRetryable(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
