-- Runtut server schema, version 1. The same SQL runs on PGlite and PostgreSQL.

CREATE TABLE server_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- anchor_at: the earliest moment, by the server's clock, that this participant could have started
-- playing (session creation, launch token iat, or the first call). Total credit never exceeds the
-- time since then.
CREATE TABLE participants (
  id text PRIMARY KEY,
  anchor_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  credited_seconds double precision NOT NULL DEFAULT 0
);

-- Every lesson event exactly once (the id is the client's idempotency key), kept verbatim with
-- what the server credited from it and why it credited less.
CREATE TABLE events (
  id uuid PRIMARY KEY,
  participant_id text NOT NULL REFERENCES participants (id),
  device_id text NOT NULL,
  seq bigint NOT NULL,
  course_id text NOT NULL,
  lesson_id text NOT NULL,
  type text NOT NULL,
  position double precision NOT NULL,
  segments jsonb NOT NULL,
  played_since_last double precision NOT NULL,
  elapsed_ms_since_last double precision NOT NULL,
  device_time text NOT NULL,
  received_at timestamptz NOT NULL,
  payload_hash text NOT NULL,
  credited_seconds double precision NOT NULL,
  credited_segments jsonb NOT NULL,
  window_start_ms double precision,
  window_end_ms double precision,
  flags text[] NOT NULL DEFAULT '{}',
  UNIQUE (participant_id, device_id, seq)
);

CREATE INDEX events_credit_windows ON events (participant_id, window_end_ms)
  WHERE credited_seconds > 0;

-- The server's decision per participant and lesson.
CREATE TABLE lesson_progress (
  participant_id text NOT NULL REFERENCES participants (id),
  course_id text NOT NULL,
  lesson_id text NOT NULL,
  credited_segments jsonb NOT NULL,
  watched_seconds double precision NOT NULL,
  coverage double precision NOT NULL,
  position double precision NOT NULL,
  completed_at timestamptz,
  flags text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (participant_id, course_id, lesson_id)
);

CREATE INDEX lesson_progress_completions ON lesson_progress (course_id, completed_at)
  WHERE completed_at IS NOT NULL;

-- Totals per device and lesson, for the cumulative pace check.
CREATE TABLE device_streams (
  participant_id text NOT NULL REFERENCES participants (id),
  device_id text NOT NULL,
  course_id text NOT NULL,
  lesson_id text NOT NULL,
  elapsed_ms double precision NOT NULL,
  credited_seconds double precision NOT NULL,
  last_seq bigint NOT NULL,
  PRIMARY KEY (participant_id, device_id, course_id, lesson_id)
);
