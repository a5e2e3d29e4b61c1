import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Clock tickets: the server's signed word that it was reached at `iat` (server clock). A device
 * fetches one whenever it is online without a session; if it must then start a provisional
 * participant offline, it hands the ticket to `POST /api/v1/session` and the new participant is
 * anchored at the ticket's time, so the offline play is within the credit budget.
 * The key is derived from the session secret, so a ticket is never a valid session token.
 */
const PREFIX = 'rtc1';

function keyOf(sessionSecret: string): Buffer {
  return createHmac('sha256', sessionSecret).update('runtut clock ticket v1').digest();
}

function mac(sessionSecret: string, body: string): Buffer {
  return createHmac('sha256', keyOf(sessionSecret)).update(body).digest();
}

export function signClockTicket(sessionSecret: string, nowMs: number): string {
  const body = `${PREFIX}.${Math.floor(nowMs)}.${randomBytes(6).toString('base64url')}`;
  return `${body}.${mac(sessionSecret, body).toString('base64url')}`;
}

/** The ticket's issue time (ms), or undefined when it is not one this server signed. */
export function verifyClockTicket(sessionSecret: string, ticket: string): number | undefined {
  const parts = ticket.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return undefined;
  const [prefix, iat, nonce, signature] = parts as [string, string, string, string];
  if (!/^\d{1,15}$/.test(iat)) return undefined;
  const expected = mac(sessionSecret, `${prefix}.${iat}.${nonce}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return Number(iat);
}
