import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { registerParticipant } from '../auth/participants.ts';
import { signSessionToken } from '../auth/tokens.ts';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import { DEMO_PROVIDER_ID } from '../providers/provider-directory.ts';

/** Demo mode: a browser gets a participant identity without sign-up (it keeps the token). */
export function sessionRoutes(db: Database, config: ServerConfig) {
  return new Hono().post('/api/v1/session', async (c) => {
    if (config.mode !== 'demo' || !config.sessionSecret)
      return apiError(c, 404, 'session-unavailable');
    const nowMs = config.now();
    const participantId = randomUUID();
    await registerParticipant(
      db,
      { participantId, mode: 'demo', providerId: DEMO_PROVIDER_ID },
      nowMs,
    );
    const token = await signSessionToken(config.sessionSecret, participantId, nowMs);
    return c.json({ token, participantId }, 201);
  });
}
