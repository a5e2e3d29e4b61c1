import { nextDownloadState, type DownloadEvent } from '../domain/offline/download-state.ts';
import { DropError, HttpError, IntegrityError, QuotaError, isAbort } from './download-errors.ts';
import { downloadFile } from './file-download.ts';
import type { DownloadRecord, MediaDb, StoredFile } from './media-db.ts';
import { createMediaStore } from './media-store.ts';
import { deleteDownload, removeStaging, swapInDownload } from './download-swap.ts';

/** Files fetched at once: a slow link shares badly between more. */
const FILES_AT_ONCE = 2;
const RETRY_MS = [2000, 4000, 8000, 15000, 30000];

export interface DownloadProgress {
  record: DownloadRecord;
  bytesDone: number;
  /** The first mismatch of a file: it is being fetched again once. */
  refetching?: string | undefined;
}

/**
 * The bounded download queue: one lesson at a time, at most two of its files at once, progress
 * in bytes. A lost signal pauses the lesson and it resumes by itself (on `online`, and on a
 * backoff timer, since a lost signal often does not flip `navigator.onLine`); the page opening
 * again resumes whatever was under way. Every state change goes through `nextDownloadState`.
 */
export class DownloadQueue {
  private readonly progress = new Map<string, DownloadProgress>();
  private readonly listeners = new Set<() => void>();
  private running: { key: string; abort: AbortController } | null = null;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private version = 0;
  /** The stored downloads were read and checked (until then no state is known). */
  settled = false;

  constructor(
    private readonly db: MediaDb,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A new number whenever anything changed (for useSyncExternalStore). */
  getVersion = () => this.version;

  /** Says that the stored downloads were read and checked: their states are now known. */
  settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.changed();
  }

  get(key: string): DownloadProgress | undefined {
    return this.progress.get(key);
  }

  async restore(): Promise<void> {
    for (const record of await this.db.downloads.toArray()) {
      const bytesDone =
        record.state === 'complete' || record.state === 'outdated' ? record.bytesTotal : 0;
      this.progress.set(record.key, { record, bytesDone });
    }
    for (const entry of this.progress.values()) {
      if (entry.record.state === 'downloading') entry.record.state = 'queued';
      if (entry.record.state === 'paused') await this.transition(entry.record.key, 'resume');
    }
    this.changed();
    this.kick();
  }

  async enqueue(record: DownloadRecord): Promise<void> {
    const previous = this.progress.get(record.key)?.record.state ?? 'none';
    const state = nextDownloadState(previous, 'request');
    if (state !== 'queued') return;
    const stored = { ...record, state, error: undefined, updatedAt: Date.now() };
    await this.db.downloads.put(stored);
    this.progress.set(record.key, { record: stored, bytesDone: 0 });
    this.changed();
    this.kick();
  }

  /** Cancels or deletes: stops fetching, removes partial and stored files, forgets the lesson. */
  async remove(key: string): Promise<void> {
    if (this.running?.key === key) this.running.abort.abort();
    const entry = this.progress.get(key);
    this.progress.delete(key);
    if (entry) await removeStaging(this.db, entry.record);
    await deleteDownload(this.db, key);
    this.changed();
  }

  async markOutdated(key: string): Promise<void> {
    await this.transition(key, 'republished');
  }

  /** The network is back (or may be): try paused downloads now. */
  wake(): void {
    for (const entry of this.progress.values()) {
      if (entry.record.state === 'paused')
        void this.transition(entry.record.key, 'resume').then(() => this.kick());
    }
  }

  private kick(): void {
    if (this.running) return;
    const next = [...this.progress.values()]
      .filter((entry) => entry.record.state === 'queued')
      .sort((a, b) => a.record.updatedAt - b.record.updatedAt)[0];
    if (next) void this.run(next);
  }

  private async run(entry: DownloadProgress): Promise<void> {
    const key = entry.record.key;
    const abort = new AbortController();
    this.running = { key, abort };
    await this.transition(key, 'start');
    const held = new Map<string, number>();
    const verified = new Map<string, StoredFile>();
    const store = createMediaStore(this.db);
    const report = (url: string, bytes: number) => {
      held.set(url, bytes);
      entry.bytesDone = [...held.values()].reduce((sum, n) => sum + n, 0);
      this.changed();
    };
    try {
      const pending = [...entry.record.files];
      let firstError: { reason: unknown } | undefined;
      const worker = async () => {
        for (let file = pending.shift(); file && !firstError; file = pending.shift()) {
          const job = { url: file.url, bytes: file.bytes, sha256: file.sha256 };
          const context = {
            store,
            signal: abort.signal,
            fetch: this.fetchImpl,
            progress: (n: number) => report(job.url, n),
          };
          let result: StoredFile;
          try {
            result = await downloadFile(job, context);
          } catch (error) {
            if (!(error instanceof IntegrityError)) throw error;
            // Discard and fetch once more; a second mismatch names the file.
            const discard = async () => {
              const bad = await store.staging(job.url);
              if (bad?.id !== undefined) await store.remove([bad.id]);
            };
            await discard();
            entry.refetching = job.url;
            this.changed();
            result = await downloadFile(job, context).catch(async (again: unknown) => {
              if (again instanceof IntegrityError) await discard();
              throw again;
            });
          }
          verified.set(job.url, result);
        }
      };
      // The first failure stops the other files, and is handled only once they all stopped:
      // no file may still be writing while a full disk's partial files are removed.
      const stopOthers = (reason: unknown) => {
        firstError ??= { reason };
        abort.abort();
      };
      await Promise.all(Array.from({ length: FILES_AT_ONCE }, () => worker().catch(stopOthers)));
      if (firstError) throw firstError.reason;
      await swapInDownload(this.db, entry.record, [...verified.values()]);
      this.retries = 0;
      entry.refetching = undefined;
      await this.transition(key, 'finish');
    } catch (error) {
      abort.abort();
      await this.failed(entry, error);
    } finally {
      this.running = null;
      this.kick();
    }
  }

  private async failed(entry: DownloadProgress, error: unknown): Promise<void> {
    const key = entry.record.key;
    if (!this.progress.has(key) || (isAbort(error) && entry.record.state !== 'downloading')) return;
    if (error instanceof DropError || isAbort(error)) {
      await this.transition(key, 'drop');
      const wait = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)] ?? 30000;
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.wake(), wait);
      return;
    }
    const code =
      error instanceof IntegrityError
        ? 'integrity'
        : error instanceof QuotaError
          ? 'quota'
          : error instanceof HttpError
            ? 'http'
            : 'storage';
    const file =
      error instanceof IntegrityError || error instanceof HttpError ? error.url : undefined;
    // No space: the partial file goes, and nothing else is touched.
    if (code === 'quota') await removeStaging(this.db, entry.record).catch(() => undefined);
    entry.record.error = { code, file };
    entry.refetching = undefined;
    await this.transition(key, 'fail');
  }

  private async transition(key: string, event: DownloadEvent): Promise<void> {
    const entry = this.progress.get(key);
    if (!entry) return;
    const state = nextDownloadState(entry.record.state, event);
    entry.record = { ...entry.record, state, updatedAt: entry.record.updatedAt };
    if (state === 'complete') entry.bytesDone = entry.record.bytesTotal;
    await this.db.downloads.put(entry.record).catch(() => undefined);
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
