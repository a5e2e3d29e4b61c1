import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RuntutDb } from '../../src/storage/runtut-db.ts';
import type { Fault } from './support/faulty-network.ts';
import { demoIdentity, freshDbName, openTab, pendingCount } from './support/sync-session.ts';
import { useSyncWorld } from './support/sync-world.ts';
import { recordViewing } from './support/viewing.ts';

const world = useSyncWorld();

/** A participant watches offline, comes back days later, and syncs through `faults`. */
async function viewAndSync(events: number, faults: Fault[]) {
  const identity = await demoIdentity();
  const dbName = freshDbName();
  const seedDb = new RuntutDb(dbName);
  const viewing = await recordViewing(seedDb, { participantId: identity.participantId, events });
  seedDb.close();
  world.passOfflineDays();
  world.network.inject(...faults);
  const tab = openTab({ dbName, identity });
  world.tabs.push(tab);
  await tab.waitFor((status) => status.state === 'synced' && status.pending === 0);
  expect(await pendingCount(tab.db, identity.participantId)).toBe(0);
  return { identity, viewing, tab };
}

describe('outbox sync to the real server through a faulty network', () => {
  it('delivers every pending event once, oldest first in batches of 200, and reports synced', async () => {
    const { identity, viewing } = await viewAndSync(450, []);
    expect(world.network.stats.sentIds.map((ids) => ids.length)).toEqual([200, 200, 50]);
    expect(world.network.stats.sentIds.flat()).toEqual(viewing.eventIds);
    await world.expectServerCountedOnce(identity, viewing);
  });

  it('keeps events through dropped requests, shows offline meanwhile, and delivers them later', async () => {
    const { identity, viewing, tab } = await viewAndSync(300, ['drop', 'drop', 'drop']);
    expect(world.network.stats.faults).toEqual(['drop', 'drop', 'drop']);
    expect(
      tab.statuses.some((status) => status.state === 'offline' && status.pending === 300),
    ).toBe(true);
    await world.expectServerCountedOnce(identity, viewing);
  });

  it('backs off through 500s and a 429, shows error meanwhile, then delivers', async () => {
    const { identity, viewing, tab } = await viewAndSync(250, [
      'error-500',
      'rate-limit',
      'error-500',
    ]);
    expect(world.network.stats.faults).toEqual(['error-500', 'rate-limit', 'error-500']);
    expect(tab.statuses.some((status) => status.state === 'error' && status.pending === 250)).toBe(
      true,
    );
    await world.expectServerCountedOnce(identity, viewing);
  });

  it('abandons a request that never answers and resends the same batch', async () => {
    const { identity, viewing } = await viewAndSync(120, ['hang']);
    expect(world.network.stats.faults).toEqual(['hang']);
    expect(world.network.stats.sentIds[1]).toEqual(world.network.stats.sentIds[0]);
    await world.expectServerCountedOnce(identity, viewing);
  });

  it('counts once the events whose reply was lost after the server had committed them', async () => {
    const { identity, viewing } = await viewAndSync(320, ['lose-reply', 'lose-reply']);
    // The first batch reached the server three times; the server stored it once.
    expect(world.network.stats.sentIds[2]).toEqual(world.network.stats.sentIds[0]);
    expect(world.network.stats.forwarded).toBeGreaterThanOrEqual(4);
    await world.expectServerCountedOnce(identity, viewing);
  });

  it('counts once every request the network delivered twice', async () => {
    world.network.always('duplicate');
    const { identity, viewing } = await viewAndSync(260, []);
    expect(world.network.stats.forwarded).toBe(2 * world.network.stats.eventRequests + 1); // + the session
    await world.expectServerCountedOnce(identity, viewing);
  });

  it('survives every fault at once, in a row, and still counts each event once', async () => {
    const faults: Fault[] = [
      'drop',
      'lose-reply',
      'error-500',
      'duplicate',
      'hang',
      'lose-reply',
      'rate-limit',
      'duplicate',
    ];
    const { identity, viewing } = await viewAndSync(900, faults);
    expect(world.network.stats.faults).toEqual(faults);
    await world.expectServerCountedOnce(identity, viewing);
  });
});
