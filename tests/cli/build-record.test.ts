import { describe, expect, it } from 'vitest';
import {
  canSkip,
  fingerprintOf,
  knownHash,
  parseBuildRecord,
  type LessonRecord,
} from '../../src/cli/course/build-record.ts';

const input = { file: 'video/a.mp4', bytes: 100, mtimeMs: 5000, sha256: 'a'.repeat(64) };
const settings = { delivery: 'hls', rungs: [240, 360] };
const fingerprint = fingerprintOf(settings, [input.sha256]);
const previous: LessonRecord = {
  fingerprint,
  inputs: [input],
  lesson: {
    id: 'a',
    title: 'A',
    durationSeconds: 1,
    sources: [{ src: 'a.mp4', type: 'video/mp4' }],
    captions: [],
  },
};

describe('re-run skip logic', () => {
  it.each([
    { name: 'nothing changed', now: fingerprint, intact: true, skip: true },
    {
      name: 'the settings changed',
      now: fingerprintOf({ ...settings, rungs: [240] }, [input.sha256]),
      intact: true,
      skip: false,
    },
    {
      name: 'the input bytes changed',
      now: fingerprintOf(settings, ['b'.repeat(64)]),
      intact: true,
      skip: false,
    },
    { name: 'an output file was deleted or altered', now: fingerprint, intact: false, skip: false },
  ])('$name → skip: $skip', ({ now, intact, skip }) => {
    expect(canSkip(previous, now, intact)).toBe(skip);
  });

  it('never skips a lesson it has no record of', () => {
    expect(canSkip(undefined, fingerprint, true)).toBe(false);
  });

  it('reuses a known hash only when size and mtime are both unchanged', () => {
    expect(knownHash([input], 'video/a.mp4', { bytes: 100, mtimeMs: 5000 })).toBe(input.sha256);
    expect(knownHash([input], 'video/a.mp4', { bytes: 100, mtimeMs: 5001 })).toBeUndefined();
    expect(knownHash([input], 'video/a.mp4', { bytes: 101, mtimeMs: 5000 })).toBeUndefined();
    expect(knownHash([input], 'video/b.mp4', { bytes: 100, mtimeMs: 5000 })).toBeUndefined();
  });

  it('depends on the order of inputs (video first, then captions)', () => {
    expect(fingerprintOf(settings, ['x', 'y'])).not.toBe(fingerprintOf(settings, ['y', 'x']));
  });

  it.each([undefined, '', '{', '{"version":2,"lessons":{}}'])(
    'starts afresh from a record %j',
    (text) => {
      expect(parseBuildRecord(text)).toEqual({ version: 1, lessons: {} });
    },
  );
});
