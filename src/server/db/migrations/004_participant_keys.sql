-- Every participant table is keyed by participant_id first, so the schema can be sharded by
-- participant (Citus: docs/deployment.md) and every hot query names one participant.
-- participants (id), lesson_progress and device_streams already were; events was keyed by its
-- id alone. An event id is now unique per participant: the ingest still finds every repeat of
-- a participant's event (duplicate or conflict), and another participant reusing the same uuid
-- records an event of their own, credited against their own budget, touching nothing of the first.
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ADD PRIMARY KEY (participant_id, id);
