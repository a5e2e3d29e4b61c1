/** Who is calling, from a verified token. Every participant route is scoped to it. */
export interface Identity {
  participantId: string;
  mode: 'demo' | 'provider';
  /** The provider whose token this is (see ProviderDirectory); the demo provider in demo mode. */
  providerId: string;
  /** A launch token's course: the token may only read and write this course. */
  courseId?: string | undefined;
  /** The token's `iat` (ms), when it has one: play cannot have started before the launch. */
  issuedAtMs?: number | undefined;
}

export function allowsCourse(identity: Identity, courseId: string): boolean {
  return identity.courseId === undefined || identity.courseId === courseId;
}
