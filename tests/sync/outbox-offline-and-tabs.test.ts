import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createEventOutbox } from '../../src/storage/event-outbox.ts';
import { RuntutDb } from '../../src/storage/runtut-db.ts';
import { announceLocalWrite } from '../../src/sync/local-writes.ts';
import { createMemoryLocks } from './support/memory-locks.ts';
import { demoIdentity, freshDbName, openTab, pendingCount } from './support/sync-session.ts';
import { useSyncWorld } from './support/sync-world.ts';
import { createTestNetwork } from './support/test-network.ts';
import { recordViewing } from './support/viewing.ts';

const world = useSyncWorld();

describe('outbox after days offline', () => {
  it('holds 10,000 events written offline, sends nothing, then drains them once online', async () => {
    const identity = await demoIdentity();
    const device = createTestNetwork(false);
    const tab = openTab({ dbName: freshDbName(), identity, network: device });
    world.tabs.push(tab);
    const viewing = await recordViewing(tab.db, {
      participantId: identity.participantId,
      events: 10_000,
    });
    announceLocalWrite();
    await tab.waitFor((status) => status.state === 'offline' && status.pending === 10_000);
    expect(world.network.stats.eventRequests).toBe(0);

    world.passOfflineDays();
    const started = performance.now();
    device.set(true);
    await tab.waitFor((status) => status.state === 'synced' && status.pending === 0, 120_000);
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `drained 10,000 events in ${seconds.toFixed(1)} s (in-process server, fake-indexeddb)`,
    );

    expect(world.network.stats.sentIds).toHaveLength(50);
    expect(viewing.completed.size).toBe(4);
    await world.expectServerCountedOnce(identity, viewing);
  }, 240_000);

  it('shows "waiting to send N" from events another tab wrote, without sending while offline', async () => {
    const identity = await demoIdentity();
    const dbName = freshDbName();
    // Slow timers: within this test only the broadcast can make the tab recount.
    const slow = { baseDelayMs: 60_000, maxDelayMs: 60_000, pollIntervalMs: 60_000 };
    const tab = openTab({ dbName, identity, network: createTestNetwork(false), timing: slow });
    world.tabs.push(tab);
    await tab.waitFor((status) => status.state === 'offline' && status.pending === 0);
    const otherTab = new RuntutDb(dbName);
    await recordViewing(otherTab, { participantId: identity.participantId, events: 7 });
    announceLocalWrite();
    await tab.waitFor((status) => status.state === 'offline' && status.pending === 7);
    otherTab.close();
    expect(world.network.stats.eventRequests).toBe(0);
  });
});

describe('an event the server refuses', () => {
  it('is set aside with its reason and shown, never resent, while the rest is delivered', async () => {
    const identity = await demoIdentity();
    const dbName = freshDbName();
    const db = new RuntutDb(dbName);
    const viewing = await recordViewing(db, { participantId: identity.participantId, events: 30 });
    const [template] = await createEventOutbox(db).oldestPending(identity.participantId, 1);
    if (!template) throw new Error('no event recorded');
    const badId = crypto.randomUUID();
    await db.events.add({
      participantId: identity.participantId,
      delivery: 'pending',
      event: { ...template.event, id: badId, seq: 1_000_000, lessonId: 'no-such-lesson' },
    });
    db.close();
    world.passOfflineDays();

    const tab = openTab({ dbName, identity });
    world.tabs.push(tab);
    const status = await tab.waitFor((s) => s.state === 'synced' && s.invalid === 1);
    expect(status.pending).toBe(0);
    expect(status.rejected).toEqual([
      { reason: expect.stringMatching(/no lesson "no-such-lesson".*\(lessonId\)/), count: 1 },
    ]);
    const setAside = await createEventOutbox(tab.db).invalidEvents(identity.participantId);
    expect(setAside.map((row) => row.event.id)).toEqual([badId]);

    tab.sync.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.network.stats.sentIds.flat().filter((id) => id === badId)).toHaveLength(1);
    await world.expectServerCountedOnce(identity, viewing);
  });
});

describe('a whole batch the server refuses', () => {
  it('is halved until the one offending event is alone and set aside; every other event is delivered', async () => {
    const identity = await demoIdentity();
    const dbName = freshDbName();
    const db = new RuntutDb(dbName);
    const viewing = await recordViewing(db, { participantId: identity.participantId, events: 250 });
    db.close();
    const poisoned = viewing.eventIds[137] ?? '';
    world.network.refuseBatchesWith(poisoned);
    world.passOfflineDays();

    const tab = openTab({ dbName, identity });
    world.tabs.push(tab);
    const status = await tab.waitFor((s) => s.state === 'synced' && s.pending === 0);
    expect(status.invalid).toBe(1);
    expect(status.rejected?.[0]?.reason).toMatch(/^HTTP 400: The body must be/);
    const setAside = await createEventOutbox(tab.db).invalidEvents(identity.participantId);
    expect(setAside.map((row) => row.event.id)).toEqual([poisoned]);
    // 200 events halved down to one: about log2(200) refused requests, not 200.
    expect(world.network.stats.eventRequests).toBeLessThan(25);
    const stored = await world.server.storedEventIds(identity.participantId);
    expect(stored).toHaveLength(249);
    expect(new Set(stored)).toEqual(new Set(viewing.eventIds.filter((id) => id !== poisoned)));
  });
});

describe('two tabs of the same participant', () => {
  it('only the tab holding the Web Lock sends; events written by either tab arrive once', async () => {
    const identity = await demoIdentity();
    const dbName = freshDbName();
    const locks = createMemoryLocks();
    const tabA = openTab({ dbName, identity, locks });
    const tabB = openTab({ dbName, identity, locks });
    world.tabs.push(tabA, tabB);
    world.passOfflineDays();
    world.network.always('duplicate'); // slower requests: the tabs' timers overlap more
    const participantId = identity.participantId;
    await recordViewing(tabA.db, { participantId, events: 200 });
    const writing = recordViewing(tabB.db, { participantId, events: 200, skipEvents: 200 });
    for (let i = 0; i < 20; i += 1) {
      tabA.sync.syncNow();
      tabB.sync.syncNow();
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const viewing = await writing;
    tabA.sync.syncNow();
    await tabA.waitFor((s) => s.state === 'synced' && s.pending === 0);
    await tabB.waitFor((s) => s.state === 'synced' && s.pending === 0);
    // Tab B's pill can still read "synced" from before its own last write reached tab A's next
    // send: wait for the server to hold every event (a lost one makes this time out and fail).
    await expect
      .poll(async () => (await world.server.storedEventIds(participantId)).length, {
        timeout: 30_000,
      })
      .toBe(viewing.eventIds.length);

    expect(world.network.stats.maxInFlight).toBe(1);
    expect(locks.refused).toBeGreaterThan(0);
    expect(viewing.eventIds).toHaveLength(400);
    await world.expectServerCountedOnce(identity, viewing);
  }, 60_000);

  it('without Web Locks both tabs may send the same events, and the server still counts each once', async () => {
    const identity = await demoIdentity();
    const dbName = freshDbName();
    const seed = new RuntutDb(dbName);
    const viewing = await recordViewing(seed, {
      participantId: identity.participantId,
      events: 600,
    });
    seed.close();
    world.passOfflineDays();
    world.network.always('duplicate');
    const tabA = openTab({ dbName, identity, locks: null });
    const tabB = openTab({ dbName, identity, locks: null });
    world.tabs.push(tabA, tabB);
    await tabA.waitFor((s) => s.state === 'synced' && s.pending === 0);
    await tabB.waitFor((s) => s.state === 'synced' && s.pending === 0);

    expect(world.network.stats.sentIds.flat().length).toBeGreaterThan(600); // overlapping sends
    expect(await pendingCount(tabB.db, identity.participantId)).toBe(0);
    await world.expectServerCountedOnce(identity, viewing);
  });
});
