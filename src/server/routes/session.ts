import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { signClockTicket, verifyClockTicket } from '../auth/clock-ticket.ts';
import { registerParticipant } from '../auth/participants.ts';
import { signSessionToken } from '../auth/tokens.ts';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { apiError } from '../http/api-error.ts';
import { DEMO_PROVIDER_ID } from '../providers/provider-directory.ts';

/** `{ "clockTicket": "..." }`, or an empty body; anything else is not a ticket. */
function ticketIn(body: string): string | undefined | null {
  if (body.trim() === '') return undefined;
  try {
    const parsed = JSON.parse(body) as { clockTicket?: unknown } | null;
    const ticket = parsed?.clockTicket;
    if (ticket === undefined) return undefined;
    return typeof ticket === 'string' ? ticket : null;
  } catch {
    return null;
  }
}

/**
 * Demo mode: a browser gets a participant identity without sign-up (it keeps the token). A
 * device that started offline hands over the clock ticket it fetched while last online, so the
 * play it recorded before this session is within the credit budget (docs/server-checks.md).
 */
export function sessionRoutes(db: Database, config: ServerConfig) {
  return new Hono()
    .post('/api/v1/session', async (c) => {
      if (config.mode !== 'demo' || !config.sessionSecret)
        return apiError(c, 404, 'session-unavailable');
      const ticket = ticketIn(await c.req.text());
      const ticketMs =
        typeof ticket === 'string' ? verifyClockTicket(config.sessionSecret, ticket) : undefined;
      if (ticket === null || (typeof ticket === 'string' && ticketMs === undefined))
        return apiError(c, 400, 'clock-ticket-invalid');
      const nowMs = config.now();
      const participantId = randomUUID();
      await registerParticipant(
        db,
        { participantId, mode: 'demo', providerId: DEMO_PROVIDER_ID },
        nowMs,
        ticketMs,
      );
      const token = await signSessionToken(config.sessionSecret, participantId, nowMs);
      return c.json({ token, participantId }, 201);
    })
    .post('/api/v1/clock-ticket', (c) => {
      if (config.mode !== 'demo' || !config.sessionSecret)
        return apiError(c, 404, 'session-unavailable');
      const nowMs = config.now();
      return c.json({
        clockTicket: signClockTicket(config.sessionSecret, nowMs),
        issuedAt: new Date(nowMs).toISOString(),
      });
    });
}
