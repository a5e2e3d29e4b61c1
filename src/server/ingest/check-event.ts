import { createHash } from 'node:crypto';
import { locales } from 'zod/mini';
import { fieldPath } from '../../domain/course-manifest.ts';
import type { Lesson } from '../../domain/course-manifest.ts';
import { lessonEventSchema, type LessonEvent } from '../../domain/lesson-events.ts';
import { reachOfCourse } from '../../domain/provider-scope.ts';
import type { Identity } from '../auth/identity.ts';
import type { CourseCatalog } from '../courses/course-catalog.ts';
import type { EventResult } from './delivery.ts';

export interface CheckedEvent {
  event: LessonEvent;
  lesson: Lesson;
  /** Digest of the validated payload: the same id with another digest is a conflict. */
  payloadHash: string;
}

export type EventCheck = { ok: true; checked: CheckedEvent } | { ok: false; result: EventResult };

function readableId(input: unknown): string | null {
  const id =
    typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : null;
}

export function payloadHash(event: LessonEvent): string {
  return createHash('sha256').update(JSON.stringify(event)).digest('base64url');
}

/** zod's mini API carries no wording: the reasons sent back are in English. */
const ENGLISH_ERRORS = locales.en().localeError;

/**
 * Validates one event of a batch and decides whether the caller may claim it: `invalid` for a
 * schema failure (with the field), `rejected` for a course, lesson or participant it may not use.
 */
export function checkEvent(input: unknown, identity: Identity, courses: CourseCatalog): EventCheck {
  const id = readableId(input);
  const invalid = (field: string, reason: string): EventCheck => ({
    ok: false,
    result: { id, status: 'invalid', field, reason },
  });
  const rejected = (field: string, reason: string): EventCheck => ({
    ok: false,
    result: { id, status: 'rejected', field, reason },
  });
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return invalid('(root)', 'An event must be a JSON object.');
  const parsed = lessonEventSchema.safeParse(input, { error: ENGLISH_ERRORS });
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues;
    const more =
      rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    return invalid(
      fieldPath(first?.path ?? []) || '(root)',
      `${first?.message ?? 'Invalid event'}${more}`,
    );
  }
  // PostgreSQL prints uuids in lower case; so do we, so "A…" and "a…" are the same event.
  const event = { ...parsed.data, id: parsed.data.id.toLowerCase() };
  const claimedParticipant = (input as { participantId?: unknown }).participantId;
  if (claimedParticipant !== undefined && claimedParticipant !== identity.participantId) {
    return rejected(
      'participantId',
      'Events can only be recorded for the participant of the token.',
    );
  }
  const course = courses.get(event.courseId);
  if (!course) return rejected('courseId', `Unknown course "${event.courseId}".`);
  const reach = reachOfCourse(identity, {
    id: event.courseId,
    providerId: courses.providerOf(event.courseId) ?? '',
  });
  if (reach === 'other-provider')
    return rejected('courseId', `Course "${event.courseId}" belongs to another provider.`);
  if (reach === 'other-course')
    return rejected('courseId', `This token only allows course "${identity.courseId ?? ''}".`);
  const lesson = course.lessons.find((item) => item.id === event.lessonId);
  if (!lesson)
    return rejected('lessonId', `Course "${event.courseId}" has no lesson "${event.lessonId}".`);
  return { ok: true, checked: { event, lesson, payloadHash: payloadHash(event) } };
}
