import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import type { ServerConfig } from '../../src/server/config.ts';
import { catalogOf } from '../../src/server/courses/course-catalog.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPgDatabase } from '../../src/server/db/pg-database.ts';
import { encodeCursor } from '../../src/server/reports/participant-cursor.ts';
import { benchCourse } from './bench-workload.ts';
import {
  BENCH_COURSE,
  firstPageFromLessonProgress,
  overviewFromLessonProgress,
  seedConsoleCourse,
} from './console-seed.ts';
import type { BenchSection } from './section.ts';

const KEY = 'bench-report-key';
const TARGET_MS = 1000;

/** Best of `count` runs after one warm-up, in ms (references, which take seconds, run once). */
async function timed(work: () => Promise<unknown>, count = 3): Promise<number> {
  await work();
  const runs: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await work();
    runs.push(performance.now() - started);
  }
  return Math.min(...runs);
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

export const consoleScaleSection: BenchSection = {
  title:
    'Provider console at programme scale: report API over summaries kept at ingest (PostgreSQL)',
  async run() {
    const url = process.env.DATABASE_URL_TEST ?? process.env.DATABASE_URL;
    if (!url)
      return [
        'skipped: needs PostgreSQL (set DATABASE_URL_TEST or DATABASE_URL, or run: scripts/with-postgres.sh npm run bench)',
      ];
    const participants = Number(process.env.BENCH_CONSOLE_PARTICIPANTS ?? 1_000_000);
    const schema = `bench_console_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const db = await openPgDatabase({ connectionString: url, schema, max: 4 });
    try {
      await migrate(db);
      const seedStart = performance.now();
      await seedConsoleCourse(db, participants);
      const seedSeconds = (performance.now() - seedStart) / 1000;
      const { rows: size } = await db.query<{ n: number }>(
        'SELECT count(*)::float8 AS n FROM lesson_progress',
      );
      const config: ServerConfig = {
        mode: 'demo',
        sessionSecret: 'bench-secret',
        reportKey: KEY,
        corsOrigins: [],
        courses: catalogOf([benchCourse()]),
        now: Date.now,
      };
      const app = buildApp({ db, config });
      const get = async (path: string) => {
        const response = await app.request(path, { headers: { 'x-api-key': KEY } });
        if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
        return response.json();
      };
      const base = `/api/v1/reports/courses/${BENCH_COURSE}`;
      const { rows: middle } = await db.query<{ last_activity_at: Date; participant_id: string }>(
        `SELECT last_activity_at, participant_id FROM participant_summaries WHERE course_id = $1
         ORDER BY last_activity_at DESC, participant_id DESC OFFSET $2 LIMIT 1`,
        [BENCH_COURSE, Math.floor(participants / 2)],
      );
      const deep = middle[0]
        ? encodeCursor([
            new Date(middle[0].last_activity_at).toISOString(),
            middle[0].participant_id,
          ])
        : '';
      const figures: [string, number, number | null][] = [
        [
          'course overview (GET …/overview)',
          await timed(() => get(`${base}/overview`)),
          await timed(() => overviewFromLessonProgress(db), 1),
        ],
        [
          'participants, first page by last activity',
          await timed(() => get(`${base}/participants?limit=25`)),
          await timed(() => firstPageFromLessonProgress(db, 25), 1),
        ],
        [
          'participants, first page by progress',
          await timed(() => get(`${base}/participants?sort=progress&limit=25`)),
          null,
        ],
        [
          'participants, a page half-way (keyset cursor)',
          await timed(() => get(`${base}/participants?limit=25&cursor=${deep}`)),
          null,
        ],
        [
          'participants, search "p05" (100k matches), first page',
          await timed(() => get(`${base}/participants?q=p05&limit=25`)),
          null,
        ],
        [
          'participants CSV, 10,000 rows',
          await timed(async () => {
            const response = await app.request(`${base}/participants?limit=10000&format=csv`, {
              headers: { 'x-api-key': KEY },
            });
            return response.text();
          }),
          null,
        ],
      ];
      const lines = [
        `${participants.toLocaleString('en-US')} participants × 20 lessons: ${size[0]?.n.toLocaleString('en-US')} lesson_progress rows, seeded in ${seedSeconds.toFixed(0)} s`,
        'best of 3 warm runs through the whole HTTP app in-process; reference (1 warm run) = the same numbers by scanning lesson_progress:',
      ];
      for (const [name, value, reference] of figures) {
        const verdict =
          name.includes('CSV') || name.includes('search')
            ? ''
            : value <= TARGET_MS
              ? ' (meets ≤ 1 s)'
              : ' (MISSES ≤ 1 s)';
        const ratio =
          reference === null
            ? ''
            : `; reference ${ms(reference)} = ${Math.round(reference / value)}× slower`;
        lines.push(`  ${name}: ${ms(value)}${verdict}${ratio}`);
      }
      return lines;
    } finally {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  },
};
