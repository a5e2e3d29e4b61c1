import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RuntutDb } from '../../src/storage/runtut-db.ts';
import { globalFetch } from '../../src/sync/api-client.ts';
import { keepClockTicket, readClockTicket, ticketTimeMs } from '../../src/sync/clock-ticket.ts';
import { API_BASE } from './support/faulty-network.ts';
import { freshDbName } from './support/sync-session.ts';
import { useSyncWorld } from './support/sync-world.ts';

const world = useSyncWorld();
const api = { apiBase: API_BASE, fetch: globalFetch, timeoutMs: 5_000 };

describe('the clock ticket a device keeps while it has no session', () => {
  it('keeps the earliest ticket the server signed, and keeps it when the network fails', async () => {
    const db = new RuntutDb(freshDbName());
    const first = await keepClockTicket(db, api);
    expect(first).toMatch(/^rtc1\.\d+\./);
    world.server.advanceClock(60_000);
    expect(await keepClockTicket(db, api)).toBe(first);
    world.network.cutAll(true);
    expect(await keepClockTicket(db, api)).toBe(first);
    expect(await readClockTicket(db)).toBe(first);
    await db.delete();
  });

  it('reads the time a ticket states, and nothing from what is not a ticket', () => {
    expect(ticketTimeMs('rtc1.1748736000000.abc.def')).toBe(1_748_736_000_000);
    expect(ticketTimeMs('rtc2.1.abc.def')).toBeUndefined();
    expect(ticketTimeMs('eyJhbGciOi.x.y')).toBeUndefined();
  });
});
