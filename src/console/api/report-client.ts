import type { LocalizedText } from '../../domain/course-manifest.ts';
import type { CourseOverview } from '../../domain/report-contract.ts';

export type { CourseOverview, LessonAggregate } from '../../domain/report-contract.ts';

/**
 * The console's only way to data: the public report API (docs/server-api.md), same origin, with
 * the HttpOnly session cookie the browser attaches by itself. Nothing is kept in storage.
 */
export interface CourseListing {
  id: string;
  title: LocalizedText;
  durationSeconds: number;
  lessons: { id: string; title: LocalizedText; durationSeconds: number }[];
}

export interface ConsoleSession {
  provider: { id: string; name: string };
  courses: CourseListing[];
}

export interface ParticipantRow {
  participantId: string;
  lessonsCompleted: number;
  lessonsTotal: number;
  watchedSeconds: number;
  watchedShare: number;
  lastActivityWit: string;
  flaggedEvents: number;
  flags: string[];
}

export interface ParticipantPage {
  participants: ParticipantRow[];
  nextCursor: string | null;
  matches: number;
  matchesCapped: boolean;
}

export interface ParticipantDetail {
  participant: ParticipantRow;
  lessons: {
    lessonId: string;
    lessonTitle: string;
    durationSeconds: number;
    segments: [number, number][];
    watchedSeconds: number;
    completedAtWit: string | null;
    flags: string[];
  }[];
  devices: {
    deviceId: string;
    events: number;
    creditedSeconds: number;
    firstSeenAt: string;
    lastSeenAt: string;
  }[];
  flaggedEvents: {
    eventId: string;
    receivedAtWit: string;
    deviceId: string;
    lessonId: string;
    playedSinceLast: number;
    elapsedSeconds: number;
    creditedSeconds: number;
    flags: string[];
  }[];
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: number,
  ) {
    super(`HTTP ${status}`);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  if (!response.ok)
    throw new ApiFailure(response.status, Number(response.headers.get('retry-after') ?? 0));
  return (await response.json()) as T;
}

export const currentSession = () => call<ConsoleSession>('/api/v1/console/session');

export const signIn = (key: string) =>
  call<ConsoleSession>('/api/v1/console/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });

export const signOut = () =>
  fetch('/api/v1/console/session', { method: 'DELETE', credentials: 'same-origin' });

export const courseBase = (courseId: string) =>
  `/api/v1/reports/courses/${encodeURIComponent(courseId)}`;

export const loadOverview = (courseId: string) =>
  call<CourseOverview>(`${courseBase(courseId)}/overview`);

export interface ParticipantQuery {
  sort: 'activity' | 'progress';
  order: 'asc' | 'desc';
  q: string;
  cursor: string | null;
}

export const PAGE_SIZE = 25;

/** The participants call for a query, as a path: the table and its exports use the same one. */
export function participantsPath(courseId: string, query: ParticipantQuery, format?: 'csv') {
  const params = new URLSearchParams({
    sort: query.sort,
    order: query.order,
    limit: String(PAGE_SIZE),
  });
  if (query.q) params.set('q', query.q);
  if (query.cursor) params.set('cursor', query.cursor);
  if (format) params.set('format', format);
  return `${courseBase(courseId)}/participants?${params}`;
}

export const loadParticipants = (courseId: string, query: ParticipantQuery) =>
  call<ParticipantPage>(participantsPath(courseId, query));

export const participantPath = (courseId: string, participantId: string) =>
  `${courseBase(courseId)}/participants/${encodeURIComponent(participantId)}`;

export const loadParticipant = (courseId: string, participantId: string) =>
  call<ParticipantDetail>(participantPath(courseId, participantId));
