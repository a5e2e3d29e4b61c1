import { describe, expect, it } from 'vitest';
import { identityToFollow, type Identity } from '../../src/sync/identity.ts';

const demo = (participantId: string, token: string | null): Identity => ({
  participantId,
  token,
  mode: 'demo',
});
const provider = (participantId: string, token: string): Identity => ({
  participantId,
  token,
  mode: 'provider',
});

describe('identityToFollow', () => {
  it.each<[string, Identity, Identity | undefined, Identity | undefined]>([
    ['nothing stored', demo('a', 't'), undefined, undefined],
    ['the same identity', demo('a', 't'), demo('a', 't'), undefined],
    [
      'a newer launch token for the same participant',
      provider('p', 'old'),
      provider('p', 'new'),
      provider('p', 'new'),
    ],
    [
      'a provisional identity another tab adopted',
      demo('prov', null),
      demo('real', 't'),
      demo('real', 't'),
    ],
    [
      'a demo identity another tab renewed',
      demo('old', 't1'),
      demo('new', 't2'),
      demo('new', 't2'),
    ],
    [
      'another provider participant (not ours to follow)',
      provider('p1', 't'),
      provider('p2', 't'),
      undefined,
    ],
    [
      'a provisional identity stored over a real one',
      demo('real', 't'),
      demo('prov', null),
      undefined,
    ],
  ])('%s', (_, current, stored, expected) => {
    expect(identityToFollow(current, stored)).toEqual(expected);
  });
});
