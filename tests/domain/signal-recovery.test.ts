import { describe, expect, it } from 'vitest';
import {
  networkStateOf,
  nextProbeDelayMs,
  OFFLINE_RECHECK_MS,
  shouldReload,
  type NetworkState,
  type SignalObservation,
} from '../../src/domain/signal-recovery.ts';

describe('networkStateOf', () => {
  const calm: SignalObservation = { online: true, failed: false, starved: false, quietMs: 0 };
  it.each<[string, Partial<SignalObservation>, NetworkState]>([
    ['is ok while media flows', {}, 'ok'],
    [
      'is offline whenever the browser says so, even while the buffer plays',
      { online: false },
      'offline',
    ],
    ['is waiting once a media request failed', { failed: true }, 'waiting'],
    [
      'is ok while starved but bytes still arrive (a slow link buffers)',
      { starved: true, quietMs: 3000 },
      'ok',
    ],
    [
      'is waiting when starved and nothing arrived for 4 s',
      { starved: true, quietMs: 4000 },
      'waiting',
    ],
    ['is ok when quiet but not starved (the buffer is full)', { quietMs: 60_000 }, 'ok'],
  ])('%s', (_name, change, state) => {
    expect(networkStateOf({ ...calm, ...change })).toBe(state);
  });
});

describe('nextProbeDelayMs', () => {
  it.each<[number, boolean, number]>([
    [0, true, 500],
    [1, true, 1000],
    [2, true, 2000],
    [50, true, 2000],
    [0, false, OFFLINE_RECHECK_MS],
  ])('after %d failures (online %s) waits %d ms', (failures, online, delay) => {
    expect(nextProbeDelayMs(failures, online)).toBe(delay);
  });
});

describe('shouldReload', () => {
  const input = {
    failed: false,
    quietMs: 0,
    reachableForMs: 0,
    bufferedAhead: 0,
    advancing: false,
    starved: false,
    wasOffline: false,
  };
  it.each<[string, Partial<typeof input>, boolean]>([
    ['reloads a failed engine that stopped', { failed: true }, true],
    [
      'lets a failed engine play out its buffer first',
      { failed: true, advancing: true, bufferedAhead: 8 },
      false,
    ],
    [
      'reloads a failed engine near the end of its buffer',
      { failed: true, advancing: true, bufferedAhead: 1 },
      true,
    ],
    [
      'gives a short stall grace for the engine to retry',
      { quietMs: 5000, reachableForMs: 500 },
      false,
    ],
    ['reloads a short stall after the grace', { quietMs: 5000, reachableForMs: 2000 }, true],
    ['reloads a long stall at once', { quietMs: 10_000 }, true],
    ['reloads at once after the browser was offline', { starved: true, wasOffline: true }, true],
    ['leaves a full buffer alone after being offline', { wasOffline: true }, false],
    ['leaves a stream that is not stalled alone', { quietMs: 1000, reachableForMs: 5000 }, false],
  ])('%s', (_name, change, reload) => {
    expect(shouldReload({ ...input, ...change })).toBe(reload);
  });
});
