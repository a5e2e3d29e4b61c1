import { describe, expect, it } from 'vitest';
import { readProcessSettings } from '../../src/server/cluster/process-settings.ts';
import { readLimitSettings } from '../../src/server/limits/limit-settings.ts';

describe('readProcessSettings', () => {
  it('runs one process on the embedded database by default', () => {
    expect(readProcessSettings({})).toMatchObject({ workers: 1, metrics: undefined });
  });

  it('refuses several processes without PostgreSQL, saying why and what to do', () => {
    expect(() => readProcessSettings({ WORKERS: '3' })).toThrow(
      /WORKERS=3 needs DATABASE_URL: the embedded database belongs to one process/,
    );
  });

  it('takes several processes on PostgreSQL, with metrics on loopback', () => {
    expect(
      readProcessSettings({
        WORKERS: '4',
        DATABASE_URL: 'postgres://db/runtut',
        METRICS_PORT: '9464',
      }),
    ).toMatchObject({ workers: 4, metrics: { port: 9464, host: '127.0.0.1' } });
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['a worker count that is not a whole number', { WORKERS: 'two' }, /WORKERS must be a whole/],
    ['zero workers', { WORKERS: '0' }, /at least 1/],
    ['an unknown pooler', { DATABASE_POOLER: 'pgpool' }, /DATABASE_POOLER must be "pgbouncer"/],
    ['a pool of none', { PG_POOL_MAX: '0' }, /PG_POOL_MAX/],
  ];
  it.each(bad)('refuses %s', (_name, env, message) => {
    expect(() => readProcessSettings(env)).toThrow(message);
  });
});

describe('readLimitSettings', () => {
  it('reads the limits, 0 switching one off', () => {
    expect(
      readLimitSettings({ RATE_LIMIT_ADDRESS_BURST: '0', RATE_LIMIT_PARTICIPANT_PER_SECOND: '5' }),
    ).toMatchObject({ address: { capacity: 0 }, participant: { perSecond: 5 } });
  });

  it('refuses a limit that is not a number', () => {
    expect(() => readLimitSettings({ REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});
