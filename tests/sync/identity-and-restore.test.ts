import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { readMeta } from '../../src/storage/device-meta.ts';
import { createProgressRepository } from '../../src/storage/progress-repository.ts';
import { RuntutDb } from '../../src/storage/runtut-db.ts';
import { globalFetch } from '../../src/sync/api-client.ts';
import { readClockTicket } from '../../src/sync/clock-ticket.ts';
import { resolveIdentity, type Identity } from '../../src/sync/identity.ts';
import { restoreFromServer } from '../../src/sync/restore-progress.ts';
import { API_BASE } from './support/faulty-network.ts';
import { demoIdentity, freshDbName, openTab, pendingCount } from './support/sync-session.ts';
import { useSyncWorld } from './support/sync-world.ts';
import { FIXTURE_COURSE_ID, recordViewing } from './support/viewing.ts';

const world = useSyncWorld();

function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

describe('resolveIdentity', () => {
  it('takes the participant from a provider launch token and lets a newer token replace it', async () => {
    const db = new RuntutDb(freshDbName());
    const first = jwt({ sub: 'prakerja-123', exp: 2_000_000_000 });
    expect(await resolveIdentity(db, { apiBase: API_BASE, launchToken: first })).toEqual({
      participantId: 'prakerja-123',
      token: first,
      mode: 'provider',
    });
    const second = jwt({ sub: 'prakerja-123', exp: 2_100_000_000 });
    await resolveIdentity(db, { apiBase: API_BASE, launchToken: second });
    expect(await resolveIdentity(db, { apiBase: API_BASE })).toMatchObject({ token: second });
    expect(world.network.stats.forwarded).toBe(0);
    await db.delete();
  });

  it('refuses a launch token that names no participant', async () => {
    const db = new RuntutDb(freshDbName());
    await expect(
      resolveIdentity(db, { apiBase: API_BASE, launchToken: jwt({ exp: 1 }) }),
    ).rejects.toThrow(/sub/);
    await db.delete();
  });

  it('gets a demo session when online, and reuses it on the next launch without asking again', async () => {
    const db = new RuntutDb(freshDbName());
    const identity = await resolveIdentity(db, { apiBase: API_BASE });
    expect(identity).toMatchObject({ mode: 'demo', token: expect.any(String) });
    world.network.cutAll(true);
    expect(await resolveIdentity(db, { apiBase: API_BASE })).toEqual(identity);
    expect(world.network.stats.forwarded).toBe(1);
    await db.delete();
  });

  it('starts a provisional participant at once when offline, and keeps it across launches', async () => {
    const db = new RuntutDb(freshDbName());
    world.network.cutAll(true);
    const identity = await resolveIdentity(db, { apiBase: API_BASE });
    expect(identity).toMatchObject({ mode: 'demo', token: null });
    expect(await resolveIdentity(db, { apiBase: API_BASE })).toEqual(identity);
    expect(await readMeta(db, 'identity')).toEqual(identity);
    await db.delete();
  });
});

describe('provisional and refused demo identities', () => {
  it('adopts offline progress into a real session once online, and delivers its events under it', async () => {
    const dbName = freshDbName();
    const db = new RuntutDb(dbName);
    world.network.cutAll(true);
    const provisional = await resolveIdentity(db, { apiBase: API_BASE, fetchImpl: globalFetch });
    const viewing = await recordViewing(db, {
      participantId: provisional.participantId,
      events: 40,
    });
    db.close();
    world.network.cutAll(false);

    const tab = openTab({ dbName, identity: provisional });
    world.tabs.push(tab);
    await tab.waitFor((s) => s.state === 'synced' && s.pending === 0);
    const real = tab.identity();
    expect(real.participantId).not.toBe(provisional.participantId);
    expect(real.token).toEqual(expect.any(String));
    expect(await readMeta<Identity>(tab.db, 'identity')).toEqual(real);

    const repository = createProgressRepository(tab.db);
    expect(await repository.loadCourse(provisional.participantId, FIXTURE_COURSE_ID)).toEqual([]);
    expect(await repository.loadCourse(real.participantId, FIXTURE_COURSE_ID)).toHaveLength(1);
    expect(await pendingCount(tab.db, provisional.participantId)).toBe(0);
    const stored = await world.server.storedEventIds(real.participantId);
    expect(new Set(stored)).toEqual(new Set(viewing.eventIds));
    expect(stored).toHaveLength(40);
    // No clock ticket: the server witnessed nothing before this session, so it credits ~2 s.
    expect(await world.server.creditedSeconds(real.participantId)).toBeLessThanOrEqual(3);

    // A tab that has not heard of the adoption keeps writing under the provisional id.
    const stale = new RuntutDb(dbName);
    const later = await recordViewing(stale, {
      participantId: provisional.participantId,
      events: 5,
      skipEvents: 40,
    });
    stale.close();
    tab.sync.syncNow();
    await vi.waitFor(async () =>
      expect(await world.server.storedEventIds(real.participantId)).toHaveLength(45),
    );
    expect(await pendingCount(tab.db, provisional.participantId)).toBe(0);
    expect(new Set(await world.server.storedEventIds(real.participantId))).toEqual(
      new Set([...viewing.eventIds, ...later.eventIds]),
    );
  });

  it('credits play recorded before the first session through the clock ticket the device kept', async () => {
    const dbName = freshDbName();
    const db = new RuntutDb(dbName);
    // The server answers, but no session can be made (its database is down, say).
    world.network.cutRoute('/api/v1/session');
    const provisional = await resolveIdentity(db, { apiBase: API_BASE, fetchImpl: globalFetch });
    expect(provisional.token).toBeNull();
    await vi.waitFor(async () => expect(await readClockTicket(db)).toMatch(/^rtc1\./));
    world.network.cutRoute(undefined);
    world.network.cutAll(true);
    const viewing = await recordViewing(db, {
      participantId: provisional.participantId,
      events: 40,
    });
    db.close();
    world.server.advanceClock(3_600_000); // an hour offline, then the signal returns
    world.network.cutAll(false);

    const tab = openTab({ dbName, identity: provisional });
    world.tabs.push(tab);
    await tab.waitFor((s) => s.state === 'synced' && s.pending === 0);
    const real = tab.identity();
    expect(real.token).toEqual(expect.any(String));
    const played = [...viewing.watched.values()].reduce((sum, seconds) => sum + seconds, 0);
    expect(played).toBeGreaterThan(300);
    expect(await world.server.creditedSeconds(real.participantId)).toBeCloseTo(played, 0);
    expect(await readClockTicket(tab.db), 'a ticket is spent by its session').toBeUndefined();
  });

  it('replaces a demo token the server refuses by one new session, and delivers under it', async () => {
    const old = await demoIdentity();
    const forged: Identity = {
      ...old,
      token: jwt({ sub: old.participantId, mode: 'demo', exp: 2_000_000_000 }),
    };
    const dbName = freshDbName();
    const db = new RuntutDb(dbName);
    const viewing = await recordViewing(db, { participantId: old.participantId, events: 25 });
    db.close();

    const tab = openTab({ dbName, identity: forged });
    world.tabs.push(tab);
    await tab.waitFor((s) => s.state === 'synced' && s.pending === 0);
    const renewed = tab.identity();
    expect(renewed.participantId).not.toBe(old.participantId);
    expect(new Set(await world.server.storedEventIds(renewed.participantId))).toEqual(
      new Set(viewing.eventIds),
    );
    expect(await world.server.storedEventIds(old.participantId)).toEqual([]);
  });

  it('shows an identity error for a refused provider token and stops resending until asked', async () => {
    const dbName = freshDbName();
    const identity: Identity = {
      participantId: 'prakerja-9',
      token: jwt({ sub: 'prakerja-9', exp: 2_000_000_000 }),
      mode: 'provider',
    };
    const db = new RuntutDb(dbName);
    await recordViewing(db, { participantId: identity.participantId, events: 5 });
    db.close();

    const tab = openTab({ dbName, identity });
    world.tabs.push(tab);
    const status = await tab.waitFor((s) => s.state === 'error');
    expect(status.message?.id).toMatch(/Prakerja/);
    expect(status.pending).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 500)); // several backoff periods
    expect(world.network.stats.eventRequests).toBe(1);
    tab.sync.syncNow();
    await vi.waitFor(() => expect(world.network.stats.eventRequests).toBe(2));
  });
});

describe('restoreFromServer', () => {
  it("merges the server's progress from another phone without losing this phone's own", async () => {
    const identity = await demoIdentity();
    const phoneA = freshDbName();
    const seed = new RuntutDb(phoneA);
    await recordViewing(seed, {
      participantId: identity.participantId,
      events: 230,
      stepSeconds: 100,
    });
    seed.close();
    world.passOfflineDays();
    const tab = openTab({ dbName: phoneA, identity });
    world.tabs.push(tab);
    await tab.waitFor((s) => s.state === 'synced' && s.pending === 0);

    const phoneB = new RuntutDb(freshDbName());
    const local = createProgressRepository(phoneB);
    await local.save({
      participantId: identity.participantId,
      courseId: FIXTURE_COURSE_ID,
      lessonId: 'bagian-2',
      segments: [
        [0, 300],
        [1500, 1600],
      ],
      frontier: 300,
      position: 1550,
      completedAt: null,
      updatedAt: '2019-01-01T00:00:00.000Z',
    });
    const result = await restoreFromServer(phoneB, identity, FIXTURE_COURSE_ID, API_BASE);
    expect(result).toMatchObject({ ok: true, updated: 2 });

    const rows = new Map(
      (await local.loadCourse(identity.participantId, FIXTURE_COURSE_ID)).map((row) => [
        row.lessonId,
        row,
      ]),
    );
    expect([...rows.keys()].sort()).toEqual(['bagian-1', 'bagian-2']);
    expect(rows.get('bagian-1')).toMatchObject({
      segments: [[0, 21_600]],
      frontier: 21_600,
      completedAt: expect.any(String),
    });
    expect(rows.get('bagian-2')).toMatchObject({
      segments: [
        [0, 1200],
        [1500, 1600],
      ],
      frontier: 1200,
      position: 1550,
      completedAt: null,
    });
    expect(await phoneB.events.count()).toBe(0); // restoring reports nothing back

    world.network.cutAll(true);
    expect(await restoreFromServer(phoneB, identity, FIXTURE_COURSE_ID, API_BASE)).toEqual({
      ok: false,
    });
    expect((await local.loadCourse(identity.participantId, FIXTURE_COURSE_ID)).length).toBe(2);
    await phoneB.delete();
  });
});
