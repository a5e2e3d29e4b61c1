import { useEffect } from 'react';
import { useRuntut } from '../../store/store-context.tsx';
import { MESSAGES } from '../i18n/messages.ts';

const NOTICE_VISIBLE_MS = 4000;

/** Short messages about refused actions, announced to screen readers as they happen. */
export function NoticeBar() {
  const notice = useRuntut((state) => state.notice);
  const language = useRuntut((state) => state.language);
  const clearNotice = useRuntut((state) => state.clearNotice);
  useEffect(() => {
    // A broken launch link stays broken: keep saying so until the page is opened again.
    if (!notice || notice.key === 'launchInvalid') return;
    const timer = setTimeout(clearNotice, NOTICE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, clearNotice]);
  const t = MESSAGES[language];
  return (
    <div className="notice-bar" role="status" aria-live="assertive" data-notice={notice?.key ?? ''}>
      {notice ? <p key={notice.serial}>{t[notice.key]}</p> : null}
    </div>
  );
}

export function StorageWarning() {
  const health = useRuntut((state) => state.storageHealth);
  const language = useRuntut((state) => state.language);
  if (health === 'ok') return null;
  const t = MESSAGES[language];
  return (
    <p className="storage-warning" role="alert" data-storage-health={health}>
      {health === 'full' ? t.storageFull : t.storageUnavailable}
    </p>
  );
}
