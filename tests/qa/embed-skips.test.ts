import { describe, expect, it } from 'vitest';
import { embedSkipOf, embeddingPageLoads, SkipInEmbed } from '../../src/qa/embed-skips.ts';
import type { Script, Step } from '../../src/qa/script-schema.ts';

const script = (extra: Partial<Script> = {}): Script => ({
  name: 'n',
  attack: 'a',
  expected: 'e',
  course: 'sample',
  fidelity: 'real',
  timeoutSeconds: 120,
  steps: [],
  ...extra,
});

describe('embedSkipOf', () => {
  it.each<[string, Script, Step, RegExp | undefined]>([
    ['runs an ordinary step', script(), { do: 'open', waitFor: 'player' }, undefined],
    ['runs openLesson', script(), { expect: 'openLesson', lesson: 'x' }, undefined],
    ['skips an address check', script(), { expect: 'url', matches: '/c/x' }, /no address/],
    [
      'skips every step of a script marked for embeds, with its own reason',
      script({ embed: { skip: 'it attacks the history the embed does not have' } }),
      { do: 'open', waitFor: 'player' },
      /^skipped in embed mode: it attacks the history/,
    ],
  ])('%s', (_, s, step, reason) => {
    const skip = embedSkipOf(s, step);
    if (reason) expect(skip).toMatch(reason);
    else expect(skip).toBeUndefined();
  });
});

describe('embeddingPageLoads', () => {
  const offline = () => Promise.reject(new Error('page.goto: net::ERR_INTERNET_DISCONNECTED at x'));

  it('turns an embedding page that does not load offline into a skip, in embed mode only', async () => {
    await expect(embeddingPageLoads(true, offline)).rejects.toBeInstanceOf(SkipInEmbed);
    await expect(embeddingPageLoads(false, offline)).rejects.not.toBeInstanceOf(SkipInEmbed);
  });

  it('passes other failures through unchanged', async () => {
    const refused = () => Promise.reject(new Error('net::ERR_CONNECTION_REFUSED'));
    await expect(embeddingPageLoads(true, refused)).rejects.toThrow('ERR_CONNECTION_REFUSED');
  });
});
