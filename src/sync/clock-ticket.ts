import { readMeta, writeMeta } from '../storage/device-meta.ts';
import type { RuntutDb } from '../storage/runtut-db.ts';
import { postClockTicket, type ApiContext } from './api-client.ts';

export const CLOCK_TICKET_META_KEY = 'clockTicket';

/** The server time a ticket `rtc1.<ms>.<nonce>.<hmac>` states (only the server can verify it). */
export function ticketTimeMs(ticket: string): number | undefined {
  const [version, ms] = ticket.split('.');
  const value = Number(ms);
  return version === 'rtc1' && Number.isSafeInteger(value) ? value : undefined;
}

export function readClockTicket(db: RuntutDb): Promise<string | undefined> {
  return readMeta<string>(db, CLOCK_TICKET_META_KEY);
}

export async function forgetClockTicket(db: RuntutDb): Promise<void> {
  await db.meta.delete(CLOCK_TICKET_META_KEY);
}

/**
 * Asks the server for its signed clock while this device has no session, and keeps the
 * earliest ticket: the session made later is anchored there, so play recorded offline in
 * between is credited (the server still checks every claim against real time since then).
 * Returns the ticket kept, if any; a failed request changes nothing.
 */
export async function keepClockTicket(db: RuntutDb, api: ApiContext): Promise<string | undefined> {
  const reply = await postClockTicket(api);
  if (!reply.ok) return readClockTicket(db);
  const fresh = reply.value;
  return db.transaction('rw', db.meta, async () => {
    const kept = await readClockTicket(db);
    const keptMs = kept === undefined ? undefined : ticketTimeMs(kept);
    const freshMs = ticketTimeMs(fresh);
    if (kept !== undefined && keptMs !== undefined && (freshMs === undefined || keptMs <= freshMs))
      return kept;
    await writeMeta(db, CLOCK_TICKET_META_KEY, fresh);
    return fresh;
  });
}
