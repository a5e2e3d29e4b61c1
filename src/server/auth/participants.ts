import type { Queryable } from '../db/database.ts';
import type { Identity } from './identity.ts';

/**
 * Records a participant the first time the server hears of them. The anchor is the earliest
 * server-known moment play could have started: now, or the launch token's `iat` if earlier.
 */
export async function registerParticipant(
  db: Queryable,
  identity: Identity,
  nowMs: number,
): Promise<void> {
  const anchorMs = Math.min(nowMs, identity.issuedAtMs ?? nowMs);
  await db.query(
    `INSERT INTO participants (id, anchor_at, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO NOTHING`,
    [identity.participantId, new Date(anchorMs).toISOString(), new Date(nowMs).toISOString()],
  );
}
