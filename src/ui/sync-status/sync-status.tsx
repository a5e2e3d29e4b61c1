import type { SyncStatus as SyncStatusValue } from '../../sync/sync-status.ts';
import { OUTBOX_ROOM_MESSAGES } from './outbox-room-messages.ts';
import './sync-status.css';

type Language = 'id' | 'en';

const TEXT = {
  id: {
    synced: 'Tersinkron',
    pending: (n: string) => `Menunggu dikirim: ${n}`,
    offline: 'Offline — progres tersimpan di perangkat',
    error: 'Gagal sinkron — akan dicoba lagi',
    rejected: (n: string) => `${n} catatan ditolak server`,
    locale: 'id-ID',
  },
  en: {
    synced: 'Synced',
    pending: (n: string) => `Waiting to send: ${n}`,
    offline: 'Offline — progress is saved on this device',
    error: 'Sync failed — will try again',
    rejected: (n: string) => `${n} record(s) refused by the server`,
    locale: 'en-GB',
  },
} as const;

function headline(status: SyncStatusValue, language: Language): string {
  const text = TEXT[language];
  switch (status.state) {
    case 'synced':
      return text.synced;
    case 'pending':
      return text.pending(status.pending.toLocaleString(text.locale));
    case 'offline':
      return text.offline;
    case 'error':
      return status.message?.[language] ?? text.error;
  }
}

/** The sync pill in the header: whether progress has reached the server, in words. */
export function SyncStatus({ status, language }: { status: SyncStatusValue; language: Language }) {
  const text = TEXT[language];
  const reasons = status.rejected ?? [];
  return (
    <div className={`sync-status sync-status--${status.state}`} data-sync-state={status.state}>
      <span className="sync-status__pill" role="status" aria-live="polite">
        <span className="sync-status__dot" aria-hidden="true" />
        {headline(status, language)}
      </span>
      {status.room ? (
        <p className="sync-status__room" role="alert" data-outbox-room={status.room}>
          {OUTBOX_ROOM_MESSAGES[language][status.room](status.pending)}
        </p>
      ) : null}
      {status.invalid > 0 ? (
        <details className="sync-status__rejected">
          <summary title={reasons.map((r) => r.reason).join('\n')}>
            {text.rejected(status.invalid.toLocaleString(text.locale))}
          </summary>
          <ul>
            {reasons.map(({ reason, count }) => (
              <li key={reason}>
                {reason} {count > 1 ? `(${count})` : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
