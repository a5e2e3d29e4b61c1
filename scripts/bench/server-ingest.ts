import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { LessonEvent } from '../../src/domain/lesson-events.ts';
import { buildApp } from '../../src/server/app.ts';
import type { ServerConfig } from '../../src/server/config.ts';
import { catalogOf } from '../../src/server/courses/course-catalog.ts';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPgDatabase } from '../../src/server/db/pg-database.ts';
import { openPgliteDatabase } from '../../src/server/db/pglite-database.ts';
import type { BenchSection } from './section.ts';
import { batches, benchCourse, participantEvents } from './bench-workload.ts';

const T0 = Date.parse('2026-11-01T00:00:00Z');

interface Target {
  label: string;
  db: Database;
  /** Batches in flight at once (PGlite runs one query at a time anyway). */
  concurrency: number;
  events: number;
  target: number;
  dispose(): Promise<void>;
}

async function pgliteTarget(events: number): Promise<Target> {
  const dir = await mkdtemp(join(tmpdir(), 'runtut-bench-'));
  const db = await openPgliteDatabase(dir);
  return {
    label: 'embedded (PGlite, file-backed)',
    db,
    concurrency: 1,
    events,
    target: 2000,
    async dispose() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(url: string, events: number): Promise<Target> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = await openPgDatabase({ connectionString: url, schema, max: 8 });
  return {
    label: `PostgreSQL (${new URL(url).host})`,
    db,
    concurrency: 4,
    events,
    target: 5000,
    async dispose() {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Ingest through the whole API path: auth, JSON, validation, credit, one transaction a batch. */
async function measureIngest(target: Target, participants: number): Promise<number> {
  let nowMs = T0;
  const config: ServerConfig = {
    mode: 'demo',
    sessionSecret: 'bench-secret',
    reportKey: 'bench',
    corsOrigins: [],
    courses: catalogOf([benchCourse()]),
    now: () => nowMs,
  };
  const app = buildApp({ db: target.db, config });
  const perParticipant = Math.ceil(target.events / participants);
  const requests: { token: string; body: string }[] = [];
  for (let p = 0; p < participants; p += 1) {
    const session = (await (
      await app.request('/api/v1/session', { method: 'POST', body: '{}' })
    ).json()) as { token: string };
    for (const batch of batches(participantEvents(perParticipant, T0))) {
      requests.push({ token: session.token, body: JSON.stringify({ events: batch }) });
    }
  }
  // Weeks later by the server's clock: the phones were offline, every minute played is plausible.
  nowMs = T0 + 30 * 86_400_000;
  // Interleave participants, as phones coming online would.
  const perOwner = Math.ceil(requests.length / participants);
  const order = Array.from(
    { length: requests.length },
    (_, i) => requests[(i % participants) * perOwner + Math.floor(i / participants)],
  ).filter((request): request is { token: string; body: string } => request !== undefined);
  const started = performance.now();
  await inParallel(order, target.concurrency, async ({ token, body }) => {
    const response = await app.request('/api/v1/events', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const reply = (await response.json()) as { results: { status: string; flags?: string[] }[] };
    if (
      response.status !== 200 ||
      reply.results.some((result) => result.status !== 'accepted' || result.flags)
    ) {
      throw new Error(
        `bench batch not cleanly accepted: HTTP ${response.status} ${JSON.stringify(reply).slice(0, 300)}`,
      );
    }
  });
  return (performance.now() - started) / 1000;
}

/** The same rows, one plain multi-row INSERT per 500 in its own transaction: the floor to compare with. */
async function measureRawInsert(target: Target, events: LessonEvent[]): Promise<number> {
  await target.db.exec(
    'CREATE TABLE raw_events (LIKE events INCLUDING DEFAULTS INCLUDING INDEXES)',
  );
  const receivedAt = new Date(T0).toISOString();
  const bodies = batches(events).map((batch) =>
    JSON.stringify(
      batch.map((event) => ({
        ...event,
        payload_hash: 'x',
        credited_seconds: event.playedSinceLast,
        credited_segments: event.segments,
      })),
    ),
  );
  const started = performance.now();
  await inParallel(bodies, target.concurrency, (body) =>
    target.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO raw_events (id, participant_id, device_id, seq, course_id, lesson_id, type, position, segments,
           played_since_last, elapsed_ms_since_last, device_time, received_at, payload_hash, credited_seconds,
           credited_segments)
         SELECT id, 'raw', "deviceId", seq, "courseId", "lessonId", type, position, segments, "playedSinceLast",
           "elapsedMsSinceLast", "deviceTime", $2::timestamptz, payload_hash, credited_seconds, credited_segments
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "deviceId" text, seq bigint, "courseId" text,
           "lessonId" text, type text, position float8, segments jsonb, "playedSinceLast" float8,
           "elapsedMsSinceLast" float8, "deviceTime" text, payload_hash text, credited_seconds float8,
           credited_segments jsonb)`,
        [body, receivedAt],
      );
    }),
  );
  return (performance.now() - started) / 1000;
}

const rate = (count: number, seconds: number) =>
  Math.round(count / seconds).toLocaleString('en-US');

async function runTarget(make: () => Promise<Target>): Promise<string[]> {
  const target = await make();
  try {
    await migrate(target.db);
    const participants = 20;
    const ingestSeconds = await measureIngest(target, participants);
    const ingested = Math.ceil(target.events / participants) * participants;
    const rawEvents = Array.from({ length: participants }, () =>
      participantEvents(Math.ceil(target.events / participants), T0),
    ).flat();
    const rawSeconds = await measureRawInsert(target, rawEvents);
    const perSecond = ingested / ingestSeconds;
    const verdict = perSecond >= target.target ? 'meets' : 'MISSES';
    return [
      `${target.label}, ${target.concurrency} batch(es) in flight:`,
      `  ingested ${ingested.toLocaleString('en-US')} events in ${ingestSeconds.toFixed(2)} s = ${rate(ingested, ingestSeconds)} events/s (${verdict} the target of ${target.target.toLocaleString('en-US')}/s)`,
      `  raw insert of the same rows: ${rate(rawEvents.length, rawSeconds)} rows/s (ingest runs at ${Math.round((100 * rawSeconds) / ingestSeconds)}% of it)`,
    ];
  } finally {
    await target.dispose();
  }
}

export const serverIngestSection: BenchSection = {
  title: 'Server ingest: POST /api/v1/events, 500-event batches, 20 participants, in-process',
  async run() {
    const lines = await runTarget(() =>
      pgliteTarget(Number(process.env.BENCH_EVENTS_PGLITE ?? 20_000)),
    );
    const url = process.env.DATABASE_URL_TEST ?? process.env.DATABASE_URL;
    if (url)
      lines.push(
        ...(await runTarget(() =>
          postgresTarget(url, Number(process.env.BENCH_EVENTS_PG ?? 50_000)),
        )),
      );
    else
      lines.push(
        'PostgreSQL: skipped (set DATABASE_URL_TEST or DATABASE_URL, or run: scripts/with-postgres.sh npm run bench)',
      );
    return lines;
  },
};
