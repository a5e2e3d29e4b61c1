import type { Queryable } from '../db/database.ts';

/** One row of course_publications: the last good version served, and the last problem seen. */
export interface Publication {
  courseId: string;
  providerId: string | null;
  manifest: unknown;
  publishedAt: Date | null;
  problem: string | null;
  problemAt: Date | null;
}

interface PublicationRow {
  course_id: string;
  provider_id: string | null;
  manifest: unknown;
  published_at: Date | null;
  problem: string | null;
  problem_at: Date | null;
}

const COLUMNS = 'course_id, provider_id, manifest, published_at, problem, problem_at';

const toPublication = (row: PublicationRow): Publication => ({
  courseId: row.course_id,
  providerId: row.provider_id,
  manifest: row.manifest,
  publishedAt: row.published_at === null ? null : new Date(row.published_at),
  problem: row.problem,
  problemAt: row.problem_at === null ? null : new Date(row.problem_at),
});

export async function findPublication(
  db: Queryable,
  courseId: string,
): Promise<Publication | undefined> {
  const { rows } = await db.query<PublicationRow>(
    `SELECT ${COLUMNS} FROM course_publications WHERE course_id = $1`,
    [courseId],
  );
  return rows[0] && toPublication(rows[0]);
}

export async function listPublications(db: Queryable): Promise<Publication[]> {
  const { rows } = await db.query<PublicationRow>(
    `SELECT ${COLUMNS} FROM course_publications ORDER BY course_id`,
  );
  return rows.map(toPublication);
}

/** Records a good version as the one served; clears the folder's problem. */
export async function recordPublished(
  db: Queryable,
  courseId: string,
  providerId: string,
  manifest: unknown,
  nowMs: number,
): Promise<void> {
  await db.query(
    `INSERT INTO course_publications (course_id, provider_id, manifest, published_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (course_id) DO UPDATE SET provider_id = $2, manifest = $3, published_at = $4,
       problem = NULL, problem_at = NULL`,
    [courseId, providerId, JSON.stringify(manifest), new Date(nowMs).toISOString()],
  );
}

/** Records what is wrong with the folder; the last good version (if any) stays as it was. */
export async function recordProblem(
  db: Queryable,
  courseId: string,
  problem: string,
  nowMs: number,
): Promise<void> {
  await db.query(
    `INSERT INTO course_publications (course_id, problem, problem_at) VALUES ($1, $2, $3)
     ON CONFLICT (course_id) DO UPDATE SET problem = $2, problem_at = $3`,
    [courseId, problem, new Date(nowMs).toISOString()],
  );
}
