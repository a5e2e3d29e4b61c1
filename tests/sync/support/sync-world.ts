import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Identity } from '../../../src/sync/identity.ts';
import { API_BASE, createFaultyNetwork, type FaultyNetwork } from './faulty-network.ts';
import { startRealServer, type RealServer } from './real-server.ts';
import type { TestTab } from './sync-session.ts';
import { FIXTURE_COURSE_ID, fixtureCourse, type ViewingResult } from './viewing.ts';

export interface ServerLesson {
  lessonId: string;
  completedAt: string | null;
  watchedSeconds: number;
  coverage: number;
  position: number;
  segments: [number, number][];
}

/** Days a participant may spend offline between recording and syncing, by the server's clock. */
const OFFLINE_DAYS = 3;

/**
 * One real server (in-process, embedded PostgreSQL) behind msw with faults, for a test file.
 * Tabs opened by a test are closed after it; the fault plan is reset.
 */
export function useSyncWorld() {
  let server: RealServer | undefined;
  let network: FaultyNetwork | undefined;
  const tabs: TestTab[] = [];

  beforeAll(async () => {
    server = await startRealServer();
    const target = server;
    network = createFaultyNetwork((request) => target.handle(request));
    network.server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(async () => {
    await Promise.all(tabs.splice(0).map((tab) => tab.close()));
    network?.reset();
  });
  afterAll(async () => {
    network?.server.close();
    await server?.close();
  });

  const world = {
    tabs,
    get server(): RealServer {
      if (!server) throw new Error('server not started');
      return server;
    },
    get network(): FaultyNetwork {
      if (!network) throw new Error('network not started');
      return network;
    },
    /** The participant was offline for days: the server's clock moves on before they sync. */
    passOfflineDays(days = OFFLINE_DAYS): void {
      world.server.advanceClock(days * 24 * 3600 * 1000);
    },
    /** GET /progress straight from the app (no faults): what the server decided. */
    async serverProgress(identity: Identity): Promise<ServerLesson[]> {
      const response = await world.server.handle(
        new Request(`${API_BASE}/api/v1/progress?course=${FIXTURE_COURSE_ID}`, {
          headers: { authorization: `Bearer ${identity.token ?? ''}` },
        }),
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { lessons: ServerLesson[] }).lessons;
    },
    /**
     * The server-side proof: it stored each event exactly once (none lost, none twice) and
     * credited exactly the media played, lesson by lesson, with completions where due.
     */
    async expectServerCountedOnce(identity: Identity, viewing: ViewingResult): Promise<void> {
      const stored = await world.server.storedEventIds(identity.participantId);
      expect(stored).toHaveLength(viewing.eventIds.length);
      expect(new Set(stored)).toEqual(new Set(viewing.eventIds.map((id) => id.toLowerCase())));

      const durations = new Map(
        fixtureCourse().lessons.map((lesson) => [lesson.id, lesson.durationSeconds]),
      );
      const lessons = await world.serverProgress(identity);
      let total = 0;
      for (const lesson of lessons) {
        const watched = viewing.watched.get(lesson.lessonId) ?? 0;
        total += watched;
        expect(lesson.watchedSeconds, lesson.lessonId).toBeCloseTo(watched, 2);
        expect(lesson.coverage, lesson.lessonId).toBeCloseTo(
          watched / (durations.get(lesson.lessonId) ?? 1),
          3,
        );
        expect(lesson.completedAt !== null, lesson.lessonId).toBe(
          viewing.completed.has(lesson.lessonId),
        );
      }
      expect(await world.server.creditedSeconds(identity.participantId)).toBeCloseTo(total, 2);
    },
  };
  return world;
}
