import type { Page } from 'playwright-core';

/**
 * Page object for the provider console, reading its documented hooks: data-console-page,
 * data-metric, data-lesson-id with data-started / data-completed, data-participant-id,
 * data-segments on a timeline, data-export links.
 */
export class ConsolePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async signIn(key: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/console`);
    await this.page.waitForSelector('[data-console-page="sign-in"]');
    await this.page.fill('#report-key', key);
    await this.page.click('[data-console-page="sign-in"] button[type="submit"]');
  }

  async waitForPage(name: string): Promise<void> {
    await this.page.waitForSelector(`[data-console-page="${name}"]`);
  }

  async metric(name: string): Promise<string> {
    return (await this.page.textContent(`[data-metric="${name}"] dd`)) ?? '';
  }

  async funnel(): Promise<Record<string, { started: number; completed: number }>> {
    await this.page.waitForSelector('.funnel li[data-lesson-id]');
    return this.page.$$eval('.funnel li[data-lesson-id]', (items) =>
      Object.fromEntries(
        items.map((li) => [
          li.getAttribute('data-lesson-id'),
          {
            started: Number(li.getAttribute('data-started')),
            completed: Number(li.getAttribute('data-completed')),
          },
        ]),
      ),
    );
  }

  async openTab(label: 'participants' | 'overview'): Promise<void> {
    const index = label === 'overview' ? 1 : 2;
    await this.page.click(`.course-nav a:nth-of-type(${index})`);
    await this.waitForPage(label);
  }

  /** The rows of the participants table, once its page has loaded (not the empty frame). */
  async tableParticipants(): Promise<string[]> {
    await this.page.waitForSelector('[data-console-page="participants"] [data-matches]');
    return this.page.$$eval('tr[data-participant-id]', (rows) =>
      rows.map((row) => row.getAttribute('data-participant-id') ?? ''),
    );
  }

  async openParticipant(participantId: string): Promise<void> {
    await this.page.click(`tr[data-participant-id="${participantId}"] a`);
    await this.page.waitForSelector(
      `[data-console-page="participant"][data-participant-id="${participantId}"]`,
    );
  }

  /** Credited segments a lesson's timeline draws, as [start, end] pairs. */
  async timeline(lessonId: string): Promise<[number, number][]> {
    const text = await this.page.getAttribute(
      `.lesson-standings li[data-lesson-id="${lessonId}"] .timeline`,
      'data-segments',
    );
    return (text ?? '')
      .split(' ')
      .filter(Boolean)
      .map((pair) => pair.split('-').map(Number) as [number, number]);
  }

  /** Clicks an export link and returns the downloaded file's text. */
  async download(format: 'csv' | 'json', scope = 'main'): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.click(`${scope} [data-export="${format}"] >> nth=-1`),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
