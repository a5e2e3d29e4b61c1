-- Many providers on one server (issue 9). The same SQL runs on PGlite and PostgreSQL.
-- The demo provider and a provider configured by environment (RUNTUT_PROVIDER_SECRET) are not
-- rows here: they come from the server's configuration (src/server/providers/).

CREATE TABLE providers (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Launch-token secrets. `kid` is the JWT header's key id. A rotated secret is superseded (the
-- provider signs with the newer one) and keeps verifying tokens until retired_at, so tokens
-- already issued stay valid until they expire; a retired secret verifies nothing.
CREATE TABLE provider_secrets (
  kid text PRIMARY KEY,
  provider_id text NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  secret text NOT NULL,
  created_at timestamptz NOT NULL,
  superseded_at timestamptz,
  retired_at timestamptz
);

CREATE INDEX provider_secrets_by_provider ON provider_secrets (provider_id, created_at);

-- Report API keys: only the SHA-256 of the key is kept (the key is shown once, at creation).
CREATE TABLE provider_report_keys (
  key_id text PRIMARY KEY,
  provider_id text NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  key_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL
);

-- Origins allowed to embed the player and call the API (CSP frame-ancestors, CORS).
CREATE TABLE provider_origins (
  provider_id text NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  origin text NOT NULL,
  PRIMARY KEY (provider_id, origin)
);

CREATE INDEX provider_origins_by_origin ON provider_origins (origin);

-- The last good version of each course folder the server published, and the last problem found
-- in its folder. Survives restarts: a course whose folder broke keeps serving this copy, and a
-- republished lesson is compared with these durations (participants' credit is in seconds of
-- that media). A folder that never had a good version has only a problem.
CREATE TABLE course_publications (
  course_id text PRIMARY KEY,
  provider_id text,
  manifest jsonb,
  published_at timestamptz,
  problem text,
  problem_at timestamptz
);
