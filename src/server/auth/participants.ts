import { creditAnchor } from '../../domain/credit-anchor.ts';
import type { Queryable } from '../db/database.ts';
import type { Identity } from './identity.ts';

/**
 * Records a participant the first time the server hears of them, anchored at the earliest
 * server-trusted moment play could have started (creditAnchor): now, the launch token's `iat`,
 * or a clock ticket handed to a new demo session.
 */
export async function registerParticipant(
  db: Queryable,
  identity: Identity,
  nowMs: number,
  clockTicketIssuedAtMs?: number,
): Promise<void> {
  const { anchorMs } = creditAnchor({
    nowMs,
    mode: identity.mode,
    tokenIssuedAtMs: identity.issuedAtMs,
    clockTicketIssuedAtMs,
  });
  await db.query(
    `INSERT INTO participants (id, anchor_at, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO NOTHING`,
    [identity.participantId, new Date(anchorMs).toISOString(), new Date(nowMs).toISOString()],
  );
}
