import { outboxRoom, type OutboxRoom } from '../domain/outbox-bound.ts';
import type { ApiFailure } from './api-client.ts';

export const SYNC_STATES = ['synced', 'pending', 'offline', 'error'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncMessage {
  id: string;
  en: string;
}

/** What the participant is shown about their progress reaching the server. */
export interface SyncStatus {
  state: SyncState;
  /** Events waiting on this device. */
  pending: number;
  /** Events the server refused; kept on the device, never resent. */
  invalid: number;
  /** The server's reasons for the refused events, most frequent first. */
  rejected?: { reason: string; count: number }[];
  message?: SyncMessage;
  /** Present when the outbox nears its bound ('low') or has reached it ('full'). */
  room?: Exclude<OutboxRoom, 'ok'>;
  /** Device-clock time of the last pass that delivered events (display only). */
  lastSyncedAt?: string;
}

const AUTH_MESSAGES: Record<'demo' | 'provider', SyncMessage> = {
  provider: {
    id: 'Sesi Prakerja berakhir. Buka lagi pelatihan ini dari dasbor Prakerja; progres tetap tersimpan di perangkat.',
    en: 'Your Prakerja session has ended. Reopen this course from the Prakerja dashboard; progress stays on this device.',
  },
  demo: {
    id: 'Sesi demo tidak berlaku lagi; progres tetap tersimpan di perangkat.',
    en: 'The demo session is no longer valid; progress stays on this device.',
  },
};

export function statusOf(input: {
  online: boolean;
  pending: number;
  invalid: number;
  rejected: { reason: string; count: number }[];
  failure: ApiFailure | undefined;
  mode: 'demo' | 'provider';
  lastSyncedAt: string | undefined;
}): SyncStatus {
  const { failure } = input;
  const state: SyncState =
    !input.online || failure?.kind === 'network'
      ? 'offline'
      : failure
        ? 'error'
        : input.pending > 0
          ? 'pending'
          : 'synced';
  return {
    state,
    pending: input.pending,
    invalid: input.invalid,
    ...(input.invalid > 0 ? { rejected: input.rejected } : {}),
    ...(state === 'error' && failure?.kind === 'auth'
      ? { message: AUTH_MESSAGES[input.mode] }
      : {}),
    ...(input.lastSyncedAt ? { lastSyncedAt: input.lastSyncedAt } : {}),
    ...roomOf(input.pending),
  };
}

function roomOf(pending: number): { room?: Exclude<OutboxRoom, 'ok'> } {
  const room = outboxRoom(pending);
  return room === 'ok' ? {} : { room };
}
