import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SyncStatus as SyncStatusValue } from '../../src/sync/sync-status.ts';
import { statusOf } from '../../src/sync/sync-status.ts';
import { SyncStatus } from '../../src/ui/sync-status/sync-status.tsx';

function render(status: SyncStatusValue, language: 'id' | 'en' = 'id'): string {
  return renderToStaticMarkup(createElement(SyncStatus, { status, language }));
}

describe('SyncStatus pill', () => {
  it.each([
    [{ state: 'synced', pending: 0, invalid: 0 }, 'Tersinkron'],
    [{ state: 'pending', pending: 1234, invalid: 0 }, 'Menunggu dikirim: 1.234'],
    [{ state: 'offline', pending: 3, invalid: 0 }, 'Offline — progres tersimpan di perangkat'],
    [{ state: 'error', pending: 3, invalid: 0 }, 'Gagal sinkron — akan dicoba lagi'],
  ] as const)('shows %j in Indonesian with its data-sync-state', (status, text) => {
    const html = render(status);
    expect(html).toContain(`data-sync-state="${status.state}"`);
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain(text);
  });

  it('speaks English when asked', () => {
    expect(render({ state: 'pending', pending: 2, invalid: 0 }, 'en')).toContain(
      'Waiting to send: 2',
    );
  });

  it('notes refused records with their reasons', () => {
    const html = render({
      state: 'synced',
      pending: 0,
      invalid: 2,
      rejected: [{ reason: 'unknown lesson (lessonId)', count: 2 }],
    });
    expect(html).toContain('2 catatan ditolak server');
    expect(html).toContain('unknown lesson (lessonId)');
  });

  it('shows the identity message instead of the generic error', () => {
    const status = statusOf({
      online: true,
      pending: 4,
      invalid: 0,
      rejected: [],
      failure: { kind: 'auth', status: 401 },
      mode: 'provider',
      lastSyncedAt: undefined,
    });
    expect(status.state).toBe('error');
    expect(render(status)).toContain('dasbor Prakerja');
  });
});

describe('statusOf', () => {
  const base = { invalid: 0, rejected: [], mode: 'demo' as const, lastSyncedAt: undefined };
  it.each([
    [{ online: false, pending: 0, failure: undefined }, 'offline'],
    [{ online: true, pending: 5, failure: { kind: 'network' } }, 'offline'],
    [{ online: true, pending: 5, failure: { kind: 'server', status: 500 } }, 'error'],
    [{ online: true, pending: 5, failure: undefined }, 'pending'],
    [{ online: true, pending: 0, failure: undefined }, 'synced'],
  ] as const)('%j is %s', (input, state) => {
    expect(statusOf({ ...base, ...input }).state).toBe(state);
  });
});

describe('an outbox near its bound', () => {
  it.each([
    [8999, undefined],
    [9000, 'low'],
    [12_000, 'full'],
  ] as const)('statusOf gives %i pending events room %s', (pending, room) => {
    const status = statusOf({
      online: false,
      pending,
      invalid: 0,
      rejected: [],
      failure: undefined,
      mode: 'demo',
      lastSyncedAt: undefined,
    });
    expect(status.room).toBe(room);
  });

  it.each(['id', 'en'] as const)(
    'tells the participant in %s before anything is merged',
    (lang) => {
      const html = render({ state: 'offline', pending: 9600, invalid: 0, room: 'low' }, lang);
      expect(html).toContain('data-outbox-room="low"');
      expect(html).toContain('role="alert"');
      expect(html).toContain(
        lang === 'id' ? '9.600 catatan menunggu' : '9,600 records are waiting',
      );
    },
  );
});
