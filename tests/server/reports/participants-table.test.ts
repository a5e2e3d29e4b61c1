import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantRow } from '../../../src/server/reports/participant-page.ts';
import { TestDevice } from '../support/lesson-play.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-databases.ts';
import {
  createTestServer,
  launchToken,
  postEvents,
  PROVIDER_SECRET,
  REPORT_KEY,
  type TestServer,
} from '../support/test-server.ts';
import { report } from './report-support.ts';

const LIST = '/api/v1/reports/courses/basics/participants';
interface Page {
  participants: ParticipantRow[];
  nextCursor: string | null;
  matches: number;
}

describe.each(databaseKinds)('GET …/participants (%s)', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  const ids = Array.from({ length: 23 }, (_, i) => `peserta-${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await createTestServer(database.db, {
      mode: 'provider',
      providerSecret: PROVIDER_SECRET,
    });
    // Participant i plays i seconds of lesson one, a second apart by the server's clock.
    for (const [i, id] of [...ids, '=cmd|calc'].entries()) {
      server.clock.advance(1);
      const token = await launchToken(server, {
        sub: id,
        iat: Math.floor(server.clock.ms / 1000) - 3600,
      });
      const device = new TestDevice(`device-${i}-phone`, server.clock.ms - 60_000);
      await postEvents(server, token, device.play('one', Math.min(20, i + 1), { claimEnd: false }));
    }
  });
  afterAll(() => database.dispose());

  const page = async (query: string) => {
    const response = await report(server, `${LIST}?${query}`, { key: REPORT_KEY });
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };

  async function walk(query: string, limit: number): Promise<ParticipantRow[]> {
    const rows: ParticipantRow[] = [];
    let cursor: string | null = null;
    do {
      const next: Page = await page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(next.participants.length).toBeLessThanOrEqual(limit);
      rows.push(...next.participants);
      cursor = next.nextCursor;
    } while (cursor);
    return rows;
  }

  it('walks every participant once, newest activity first, page by page', async () => {
    const rows = await walk('sort=activity&order=desc', 5);
    expect(rows.map((row) => row.participantId)).toEqual(['=cmd|calc', ...[...ids].reverse()]);
    expect(rows[0]?.lastActivityWit).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d WIT$/);
  });

  it('sorts by progress, ascending and descending, with the same rows', async () => {
    const up = await walk('sort=progress&order=asc', 7);
    const down = await walk('sort=progress&order=desc', 7);
    expect(up.map((row) => row.participantId)).toEqual(
      down.map((row) => row.participantId).reverse(),
    );
    const watched = up.map((row) => row.watchedSeconds);
    expect(watched).toEqual([...watched].sort((a, b) => a - b));
    expect(up.at(-1)?.lessonsCompleted).toBe(1);
  });

  it('searches by participant id prefix and counts the matches', async () => {
    const found = await page('q=peserta-1&limit=50');
    expect(found.participants.map((row) => row.participantId).sort()).toEqual(ids.slice(10, 20));
    expect(found.matches).toBe(10);
    expect((await page('q=nobody')).participants).toEqual([]);
    expect((await page('')).matches).toBe(24);
  });

  it('exports the same page as CSV, formula-like ids defused', async () => {
    const json = await page('sort=activity&limit=3');
    const response = await report(server, `${LIST}?sort=activity&limit=3&format=csv`, {
      key: REPORT_KEY,
    });
    expect(response.headers.get('content-disposition')).toMatch(/basics-participants\.csv/);
    expect(response.headers.get('x-next-cursor')).toBe(json.nextCursor);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'participantId,lessonsCompleted,lessonsTotal,watchedShare,watchedSeconds,lastActivityAt,lastActivityWit,flaggedEvents,flags',
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
      "'=cmd|calc",
      'peserta-22',
      'peserta-21',
    ]);
  });

  it.each(['sort=name', 'order=up', 'limit=0', 'limit=5000', 'cursor=bm9wZQ', 'format=xml'])(
    'refuses %s with 400',
    async (query) => {
      expect((await report(server, `${LIST}?${query}`, { key: REPORT_KEY })).status).toBe(400);
    },
  );
});
