import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT, main, parseCli } from '../../src/qa/cli.ts';

describe('parseCli', () => {
  it('reads scripts, the base URL and the defaults', () => {
    expect(parseCli(['a.json', 'catalog/', '--base-url', 'http://x:1'], {})).toEqual({
      paths: ['a.json', 'catalog/'],
      baseUrl: 'http://x:1',
      embedUrl: undefined,
      chromium: '/usr/bin/chromium',
      out: 'qa-results',
      junit: 'qa-results/junit.xml',
      grep: undefined,
      workers: 1,
      check: false,
      help: false,
    });
  });

  it('takes the base URL and Chromium from the environment when not given', () => {
    const options = parseCli(['a.json', '--out', 'out'], {
      QA_BASE_URL: 'http://y',
      CHROMIUM_PATH: '/opt/chrome',
    });
    expect([options.baseUrl, options.chromium, options.junit]).toEqual([
      'http://y',
      '/opt/chrome',
      'out/junit.xml',
    ]);
  });

  it('takes the embedding page from --embed-url, else from QA_EMBED_URL', () => {
    const template = 'https://lms.example.id/qa?course={course}&lesson={lesson}';
    expect(parseCli(['a.json', '--embed-url', template], {}).embedUrl).toBe(template);
    expect(parseCli(['a.json'], { QA_EMBED_URL: 'https://lms.example.id/p' }).embedUrl).toBe(
      'https://lms.example.id/p',
    );
    expect(
      parseCli(['a.json', '--embed-url', 'https://a.example'], { QA_EMBED_URL: 'https://b' })
        .embedUrl,
    ).toBe('https://a.example');
    expect(parseCli(['a.json'], { QA_EMBED_URL: '' }).embedUrl).toBeUndefined();
  });

  it('refuses an embed URL that is not a URL or has an unknown placeholder', () => {
    expect(() => parseCli(['--embed-url', 'lms/qa'], {})).toThrow(
      /--embed-url lms\/qa is not a URL/,
    );
    expect(() => parseCli(['--embed-url', 'https://lms.example.id/?u={user}'], {})).toThrow(
      /unknown placeholder\(s\) \{user\}/,
    );
  });

  it('refuses an unknown option and a bad worker count', () => {
    expect(() => parseCli(['--base', 'x'], {})).toThrow(/Unknown option/);
    expect(() => parseCli(['--workers', '0'], {})).toThrow(/--workers/);
  });
});

describe('main', () => {
  let dir = '';
  const stderr: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'runtut-qa-cli-'));
    const header = { name: 'n', attack: 'a', expected: 'e' };
    await writeFile(
      join(dir, 'broken.json'),
      JSON.stringify({ ...header, steps: [{ do: 'open' }, { do: 'seek', to: 'x' }] }),
    );
    await writeFile(join(dir, 'good.json'), JSON.stringify({ ...header, steps: [{ do: 'open' }] }));
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (chunk) => (stderr.push(String(chunk)), true),
    );
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 2 on a broken script, before any browser, naming the step and field', async () => {
    stderr.length = 0;
    expect(await main([join(dir, 'broken.json'), '--base-url', 'http://127.0.0.1:9'])).toBe(
      EXIT.unusable,
    );
    expect(stderr.join('')).toContain('broken.json: steps[1].to: expected a number, got "x"');
  });

  it('exits 2 when the base URL does not answer', async () => {
    stderr.length = 0;
    expect(await main([join(dir, 'good.json'), '--base-url', 'http://127.0.0.1:9'])).toBe(
      EXIT.unusable,
    );
    expect(stderr.join('')).toContain('does not answer');
  });

  it('validates without running when asked to check', async () => {
    expect(await main([join(dir, 'good.json'), '--check'])).toBe(EXIT.passed);
  });
});
