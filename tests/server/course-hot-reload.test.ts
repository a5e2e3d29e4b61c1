import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FORCE_FLAG_FILE } from '../../src/server/courses/course-folder.ts';
import { findPublication } from '../../src/server/courses/publication-store.ts';
import { insertProvider } from '../../src/server/providers/provider-store.ts';
import type { ProviderSetup } from '../../src/server/providers/provider-setup.ts';
import { CoursesDir, manifest, providerServer } from './support/provider-world.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from './support/test-databases.ts';
import type { TestServer } from './support/test-server.ts';

/** Long enough for a loaded CI machine; the tests wait for a state, never for a time. */
const WAIT = { timeout: 20_000, interval: 25 };

describe.each(databaseKinds)('publishing into COURSES_DIR while the server runs (%s)', (kind) => {
  let database: TestDatabase;
  let courses: CoursesDir;
  let server: TestServer;
  let setup: ProviderSetup;
  let logged: string[];

  const served = async (id: string) => {
    const response = await server.app.request(`/courses/${id}/course.json`);
    return response.status === 200 ? ((await response.json()) as { title: string }) : undefined;
  };
  const stateOf = (id: string) => setup.courses.statuses().find((item) => item.courseId === id);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.dispose());
  beforeEach(async () => {
    courses = await CoursesDir.create();
    await courses.write('first', manifest('first', { title: 'Versi 1' }));
    logged = [];
    ({ server, setup } = await providerServer(database.db, courses.path, {
      pollMs: 20,
      log: (line) => logged.push(line),
    }));
  });
  afterEach(async () => {
    setup.courses.close();
    await courses.dispose();
    await database.db.query('DELETE FROM course_publications');
  });

  it('serves course.json from the catalog and the other files from the course folder', async () => {
    expect(await served('first')).toMatchObject({ title: 'Versi 1' });
    await writeFile(join(courses.path, 'first', 'media', 'l1.vtt'), 'WEBVTT\n');
    const caption = await server.app.request('/courses/first/media/l1.vtt');
    expect(caption.status).toBe(200);
    expect(caption.headers.get('content-type')).toMatch(/^text\/vtt/);
    expect(await caption.text()).toBe('WEBVTT\n');
    expect((await server.app.request('/courses/first/media/nothing.mp4')).status).toBe(404);
  });

  it("sends the catalog's course.json compressed and revalidated, a new ETag per version", async () => {
    const get = (headers: Record<string, string>) =>
      server.app.request('/courses/first/course.json', { headers });
    const br = await get({ 'accept-encoding': 'gzip, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('cache-control')).toBe('no-cache');
    const packed = Buffer.from(await br.arrayBuffer());
    expect(JSON.parse(brotliDecompressSync(packed).toString())).toMatchObject({ title: 'Versi 1' });
    const etag = br.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+-br"$/);
    const again = await get({ 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    const gzip = await get({ 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gzip.status).toBe(200);
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    await courses.write('first', manifest('first', { title: 'Versi 2' }));
    await expect.poll(async () => (await served('first'))?.title, WAIT).toBe('Versi 2');
    const changed = await get({ 'accept-encoding': 'br', 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('picks up a new course and a changed one', async () => {
    await courses.write('second', manifest('second'));
    await expect.poll(() => served('second'), WAIT).toMatchObject({ title: 'Kursus second' });
    expect(setup.courses.ids).toEqual(['first', 'second']);
    await courses.write('first', manifest('first', { title: 'Versi 2' }));
    await expect.poll(async () => (await served('first'))?.title, WAIT).toBe('Versi 2');
    expect(stateOf('first')).toMatchObject({ state: 'serving' });
  });

  it('keeps serving the previous good version of a course that breaks, and says why', async () => {
    await courses.write('first', '{"schemaVersion": 1, "id": "first", "title": "half-writ');
    await expect.poll(() => stateOf('first')?.state, WAIT).toBe('stale');
    expect(await served('first')).toMatchObject({ title: 'Versi 1' });
    expect(logged.join('\n')).toMatch(
      /first\/course\.json: .*JSON.*previous good version keeps serving/,
    );
    expect((await findPublication(database.db, 'first'))?.problem).toMatch(/JSON/);
    await courses.write('first', { ...manifest('first'), lessons: [] });
    await expect.poll(() => stateOf('first')?.problem, WAIT).toMatch(/lessons: needs at least 1/);
    expect(await served('first')).toMatchObject({ title: 'Versi 1' });
    await courses.write('first', manifest('first', { title: 'Versi 3' }));
    await expect.poll(async () => (await served('first'))?.title, WAIT).toBe('Versi 3');
    expect((await findPublication(database.db, 'first'))?.problem).toBeNull();
  });

  it('never serves a course that was broken from the start', async () => {
    await courses.write('bad', '{ not json');
    await expect.poll(() => stateOf('bad')?.state, WAIT).toBe('broken');
    expect(setup.courses.get('bad')).toBeUndefined();
  });

  it('refuses a lesson whose duration changed, unless forced', async () => {
    await courses.write(
      'first',
      manifest('first', { title: 'Lebih panjang', durations: [25, 20] }),
    );
    await expect.poll(() => stateOf('first')?.problem, WAIT).toMatch(/lesson "l1" 20 s -> 25 s/);
    expect(setup.courses.get('first')?.lessons[0]?.durationSeconds).toBe(20);
    await writeFile(join(courses.path, 'first', FORCE_FLAG_FILE), '');
    await expect.poll(() => setup.courses.get('first')?.lessons[0]?.durationSeconds, WAIT).toBe(25);
    expect(logged.join('\n')).toMatch(/forced duration change/);
  });

  it('serves the last good version after a restart with a broken folder', async () => {
    await courses.write('first', '{ broken');
    await expect.poll(() => stateOf('first')?.state, WAIT).toBe('stale');
    setup.courses.close();
    ({ server, setup } = await providerServer(database.db, courses.path));
    expect(await served('first')).toMatchObject({ title: 'Versi 1' });
    expect(stateOf('first')).toMatchObject({ state: 'stale' });
  });

  it('waits for a provider named by a course folder, then publishes it', async () => {
    await courses.write('theirs', manifest('theirs', { providerId: 'late' }));
    await expect.poll(() => stateOf('theirs')?.problem, WAIT).toMatch(/providerId "late"/);
    expect(setup.courses.get('theirs')).toBeUndefined();
    await insertProvider(database.db, 'late', 'Late provider', Date.now());
    await expect.poll(() => setup.courses.providerOf('theirs'), WAIT).toBe('late');
    await database.db.query(`DELETE FROM providers WHERE id = 'late'`);
  });

  it('withdraws a course whose folder is removed', async () => {
    await courses.remove('first');
    await expect.poll(() => setup.courses.ids, WAIT).toEqual([]);
    expect(await served('first')).toBeUndefined();
  });
});
