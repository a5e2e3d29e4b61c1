-- Console summaries, kept up to date at ingest in the same transaction as lesson_progress
-- (src/server/ingest/console-summaries.ts), so the provider console never scans events or
-- lesson_progress to answer a page. The same SQL runs on PGlite and PostgreSQL.

-- Counters per course ('' lesson) and lesson: participants, finished, started, completed,
-- reach:0..19 (drop-off slices, src/domain/drop-off.ts), flag:<name> (flagged events).
-- Each counter is split over 16 shards by participant, so concurrent batches of different
-- participants rarely wait on the same row; readers add the shards up.
CREATE TABLE console_counters (
  course_id text NOT NULL,
  lesson_id text NOT NULL,
  metric text NOT NULL,
  shard smallint NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (course_id, lesson_id, metric, shard)
);

-- One row per participant and course. participant_id is compared bytewise (COLLATE "C") so a
-- prefix search and the keyset cursor both use the index in every locale.
CREATE TABLE participant_summaries (
  course_id text NOT NULL,
  participant_id text COLLATE "C" NOT NULL,
  lessons_started integer NOT NULL,
  lessons_completed integer NOT NULL,
  watched_seconds double precision NOT NULL,
  flags text[] NOT NULL DEFAULT '{}',
  flagged_events integer NOT NULL DEFAULT 0,
  first_activity_at timestamptz NOT NULL,
  last_activity_at timestamptz NOT NULL,
  finished_at timestamptz,
  finish_seconds double precision,
  PRIMARY KEY (course_id, participant_id)
);
CREATE INDEX participant_summaries_by_activity
  ON participant_summaries (course_id, last_activity_at, participant_id);
CREATE INDEX participant_summaries_by_progress
  ON participant_summaries (course_id, lessons_completed, watched_seconds, participant_id);
CREATE INDEX participant_summaries_by_finish
  ON participant_summaries (course_id, finish_seconds) WHERE finish_seconds IS NOT NULL;

-- Console sign-ins: the cookie holds a random token, the database only its SHA-256.
CREATE TABLE console_sessions (
  token_hash text PRIMARY KEY,
  provider_id text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

-- Backfill from what is already stored. Lesson durations live in the course manifests, not in
-- the database; coverage = watched / duration gives them back for every row with credit.
INSERT INTO participant_summaries (course_id, participant_id, lessons_started, lessons_completed,
  watched_seconds, flags, flagged_events, first_activity_at, last_activity_at)
SELECT lp.course_id, lp.participant_id, count(*), count(lp.completed_at), sum(lp.watched_seconds),
  COALESCE((SELECT array_agg(DISTINCT f ORDER BY f) FROM lesson_progress x, unnest(x.flags) f
            WHERE x.participant_id = lp.participant_id AND x.course_id = lp.course_id), '{}'),
  (SELECT count(*) FROM events e WHERE e.participant_id = lp.participant_id
     AND e.course_id = lp.course_id AND cardinality(e.flags) > 0),
  COALESCE((SELECT min(e.received_at) FROM events e WHERE e.participant_id = lp.participant_id
     AND e.course_id = lp.course_id), min(lp.updated_at)),
  max(lp.updated_at)
FROM lesson_progress lp
GROUP BY lp.course_id, lp.participant_id;

-- A participant finished when they completed as many lessons as the course has; without the
-- manifest, the course's lesson count is the number of lessons anyone has started.
UPDATE participant_summaries ps SET
  finished_at = done.at,
  finish_seconds = EXTRACT(EPOCH FROM done.at - ps.first_activity_at)
FROM (
  SELECT lp.course_id, lp.participant_id, max(lp.completed_at) AS at
  FROM lesson_progress lp
  GROUP BY lp.course_id, lp.participant_id
  HAVING count(lp.completed_at) = (SELECT count(DISTINCT y.lesson_id) FROM lesson_progress y
                                   WHERE y.course_id = lp.course_id)
) done
WHERE ps.course_id = done.course_id AND ps.participant_id = done.participant_id;

INSERT INTO console_counters (course_id, lesson_id, metric, shard, value)
SELECT course_id, '', 'participants', 0, count(*) FROM participant_summaries GROUP BY course_id
UNION ALL
SELECT course_id, '', 'finished', 0, count(*) FROM participant_summaries
  WHERE finished_at IS NOT NULL GROUP BY course_id
UNION ALL
SELECT course_id, lesson_id, 'started', 0, count(*) FROM lesson_progress GROUP BY course_id, lesson_id
UNION ALL
SELECT course_id, lesson_id, 'completed', 0, count(*) FROM lesson_progress
  WHERE completed_at IS NOT NULL GROUP BY course_id, lesson_id
UNION ALL
SELECT course_id, '', 'flag:' || f, 0, count(*) FROM events, unnest(flags) f GROUP BY course_id, f
UNION ALL
SELECT course_id, lesson_id, 'reach:' || slice, 0, count(*) FROM (
  SELECT lp.course_id, lp.lesson_id, s.slice, lp.watched_seconds / lp.coverage AS duration,
    sum(GREATEST(0, LEAST((seg->>1)::float8, lp.watched_seconds / lp.coverage,
                          (s.slice + 1) * lp.watched_seconds / lp.coverage / 20)
                  - GREATEST((seg->>0)::float8, 0, s.slice * lp.watched_seconds / lp.coverage / 20))) AS credited
  FROM lesson_progress lp
  CROSS JOIN generate_series(0, 19) AS s(slice)
  CROSS JOIN jsonb_array_elements(lp.credited_segments) AS seg
  WHERE lp.coverage > 0
  GROUP BY lp.participant_id, lp.course_id, lp.lesson_id, s.slice, lp.watched_seconds, lp.coverage
) slices
WHERE credited + 1e-9 >= duration / 20 * 0.5
GROUP BY course_id, lesson_id, slice;
