import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistentChromium } from '../support/chromium.ts';
import { CoursePage } from '../support/course-page.ts';
import { startDownload, waitForDownloadState, waitForWorker } from '../support/downloads-page.ts';
import { RestartableServer } from '../support/restartable-server.ts';

let server: RestartableServer;

beforeAll(async () => {
  server = await RestartableServer.create();
});
afterAll(async () => {
  await server.dispose();
});

describe('downloaded lessons with no network at all', () => {
  it('plays the downloaded MP4 and HLS lessons through after a browser restart with the server gone, and the server credits them when the signal returns', async () => {
    const first = await launchPersistentChromium();
    let course = new CoursePage(await first.context.newPage(), server.baseUrl);
    await course.open('/c/sample');
    await waitForWorker(course.page);
    // Locked lessons may be downloaded; downloading unlocks nothing.
    await startDownload(course.page, 'anggaran');
    await startDownload(course.page, 'tabungan');
    await waitForDownloadState(course.page, 'anggaran', 'complete');
    await waitForDownloadState(course.page, 'tabungan', 'complete');
    expect(await course.states()).toMatchObject({ anggaran: 'locked', tabungan: 'locked' });
    expect(
      await course.page.getAttribute('li[data-lesson-id="tabungan"]', 'data-download-progress'),
    ).toBe('1.000');

    // The first lesson online, so the participant has reached the server before going offline.
    await course.play();
    await course.waitForLessonState('pengantar', 'completed', 45_000);
    await course.waitForSyncState('synced');
    await first.context.close();

    await server.stop();
    const second = await launchPersistentChromium(first.userDataDir, { offline: true });
    course = new CoursePage(await second.context.newPage(), server.baseUrl);
    await course.open('/c/sample/anggaran');
    await course.waitForCurrentLesson('anggaran');
    // The downloads are read after the first screen: the state appears then, never guessed.
    await waitForDownloadState(course.page, 'anggaran', 'complete');
    await course.play();
    await course.waitForLessonState('anggaran', 'completed', 30_000);
    // Captions and the poster come from the store too (the server is down).
    const offlineFiles = await course.page.evaluate(async () => {
      const caption = await fetch('/courses/sample/captions/anggaran.id.vtt').then((r) => r.text());
      const poster = await fetch('/courses/sample/media/posters/anggaran.jpg').then(
        (r) => r.status,
      );
      return { caption: caption.slice(0, 6), poster };
    });
    expect(offlineFiles).toEqual({ caption: 'WEBVTT', poster: 200 });

    await course.page.click('.next-lesson');
    await course.waitForCurrentLesson('tabungan');
    await course.play();
    await course.waitForLessonState('tabungan', 'completed', 60_000);
    expect(await course.syncState()).not.toBe('synced');

    await server.start();
    await second.context.setOffline(false);
    await course.waitForSyncState('synced', 60_000);
    const credited = await course.serverProgress();
    // The participant reached the server before going offline, so the server credits the
    // offline viewing in full. Play recorded before a device ever reached the server is the
    // server rule of issue 8.4 (the "scale" work), not asserted here.
    expect(credited.anggaran?.completedAt).toBeTruthy();
    expect(credited.tabungan?.completedAt).toBeTruthy();
    await second.context.close();
  }, 300_000);
});
