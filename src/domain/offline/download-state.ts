/**
 * The life of one lesson's download, as the outline shows it (`data-download-state`). Pure: the
 * download queue asks `nextDownloadState` for every event and stores what it answers.
 */
export const DOWNLOAD_STATES = [
  'none',
  'queued',
  'downloading',
  'paused',
  'complete',
  'error',
  'outdated',
] as const;
export type DownloadState = (typeof DOWNLOAD_STATES)[number];

export type DownloadEvent =
  /** The participant asked for it (or for an update of an outdated copy). */
  | 'request'
  /** A slot in the bounded queue is free: fetching starts. */
  | 'start'
  /** The connection dropped: bytes so far are kept. */
  | 'drop'
  /** The signal came back, or the page opened again. */
  | 'resume'
  /** Every file arrived and matched its size and SHA-256. */
  | 'finish'
  /** A file failed twice, did not fit, or the server refused it. */
  | 'fail'
  /** The participant cancelled or deleted it. */
  | 'cancel'
  /** The manifest now states different media for a completely stored lesson. */
  | 'republished';

const TRANSITIONS: Record<DownloadState, Partial<Record<DownloadEvent, DownloadState>>> = {
  none: { request: 'queued' },
  queued: { start: 'downloading', cancel: 'none', drop: 'paused', fail: 'error' },
  downloading: { drop: 'paused', finish: 'complete', fail: 'error', cancel: 'none' },
  paused: { resume: 'queued', cancel: 'none', fail: 'error' },
  complete: { republished: 'outdated', cancel: 'none' },
  error: { request: 'queued', cancel: 'none' },
  // The old copy keeps playing while the update downloads; an update that fails leaves it.
  outdated: { request: 'queued', cancel: 'none' },
};

/** The state after `event`, or the same state when the event means nothing there. */
export function nextDownloadState(state: DownloadState, event: DownloadEvent): DownloadState {
  return TRANSITIONS[state][event] ?? state;
}

/** States in which the queue should be fetching or waiting to fetch. */
export function isDownloadActive(state: DownloadState): boolean {
  return state === 'queued' || state === 'downloading' || state === 'paused';
}
