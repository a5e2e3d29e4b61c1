import { describe, expect, it } from 'vitest';
import { loadCourseCatalog } from '../../src/server/courses/course-catalog.ts';
import { readEnv } from '../../src/server/config.ts';
import { FIXTURE_COURSES } from './support/test-server.ts';

describe('loadCourseCatalog', () => {
  it('loads valid manifests and logs and skips invalid ones', async () => {
    const logged: string[] = [];
    const catalog = await loadCourseCatalog(FIXTURE_COURSES, (message) => logged.push(message));
    expect(catalog.ids).toEqual(['basics', 'other']);
    expect(catalog.lessonOrder.get('basics')?.map((lesson) => lesson.id)).toEqual([
      'one',
      'two',
      'three',
    ]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/bad-one.*lessons/);
  });

  it('logs a missing folder and serves no courses', async () => {
    const logged: string[] = [];
    const catalog = await loadCourseCatalog('/nonexistent/courses', (message) =>
      logged.push(message),
    );
    expect(catalog.ids).toEqual([]);
    expect(logged[0]).toMatch(/cannot read/);
  });
});

describe('readEnv', () => {
  it('defaults to port 8080 on loopback, with data under ./data and no provider secret', () => {
    const settings = readEnv({});
    expect(settings).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      providerSecret: undefined,
      corsOrigins: [],
    });
    expect(settings.dataDir).toMatch(/\/data$/);
  });

  it('reads provider mode, report key and CORS origins', () => {
    const settings = readEnv({
      PORT: '9000',
      RUNTUT_PROVIDER_SECRET: 's3cret',
      RUNTUT_REPORT_KEY: 'k',
      RUNTUT_CORS_ORIGINS: 'https://a.example, https://b.example/',
    });
    expect(settings).toMatchObject({
      port: 9000,
      providerSecret: 's3cret',
      reportKey: 'k',
      corsOrigins: ['https://a.example', 'https://b.example'],
    });
  });

  it('refuses a PORT that is not a port number', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
