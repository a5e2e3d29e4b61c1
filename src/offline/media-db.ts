import { Dexie, type EntityTable, type Table } from 'dexie';
import type { ByteSpan } from '../domain/offline/byte-ranges.ts';
import type { DownloadState } from '../domain/offline/download-state.ts';
import type { PlannedFile } from '../domain/offline/download-plan.ts';

/**
 * The media store: its own IndexedDB database ("runtut-media"), apart from the app's "runtut"
 * database, so a media write that runs out of space can never abort a progress or outbox write.
 * The page (downloads) and the service worker (playback cache, answering requests) share it.
 */
export interface StoredFile {
  id?: number;
  /** Absolute URL, without a fragment. */
  url: string;
  /** Total size, once known (from the manifest, `Content-Range` or `Content-Length`). */
  size: number | null;
  /** Stored byte spans [start, end), merged; chunks tile them exactly. */
  spans: ByteSpan[];
  storedBytes: number;
  complete: boolean;
  /** Part of a complete download: the playback cache never evicts it. */
  pinned: boolean;
  /** 1 while a download writes it: not served until the whole lesson verified and swapped in. */
  staging: 0 | 1;
  contentType: string;
  /** Validators for `If-Range`, as the server sent them. */
  etag?: string | undefined;
  lastModified?: string | undefined;
  lastUsed: number;
}

/** A new record with nothing stored yet. */
export function emptyFile(
  url: string,
  fields: Partial<Omit<StoredFile, 'id' | 'url'>> = {},
): Omit<StoredFile, 'id'> {
  return {
    url,
    size: null,
    spans: [],
    storedBytes: 0,
    complete: false,
    pinned: false,
    staging: 0,
    contentType: 'application/octet-stream',
    lastUsed: Date.now(),
    ...fields,
  };
}

export interface StoredChunk {
  fileId: number;
  offset: number;
  data: ArrayBuffer;
}

export interface DownloadFileRecord extends PlannedFile {
  /** Absolute URL. */
  url: string;
  done: boolean;
}

export interface DownloadRecord {
  /** `<courseId>/<lessonId>` */
  key: string;
  courseId: string;
  lessonId: string;
  state: DownloadState;
  /** `planSignature` of the files below, to notice a republished lesson. */
  signature: string;
  files: DownloadFileRecord[];
  bytesTotal: number;
  error?: { code: DownloadErrorCode; file?: string | undefined } | undefined;
  updatedAt: number;
}

export type DownloadErrorCode = 'integrity' | 'quota' | 'http' | 'no-files' | 'storage';

export interface UsageRecord {
  day: string;
  bytes: number;
}

export interface MediaMeta {
  key: string;
  value: unknown;
}

export class MediaDb extends Dexie {
  files!: EntityTable<StoredFile, 'id'>;
  chunks!: Table<StoredChunk, [number, number]>;
  downloads!: EntityTable<DownloadRecord, 'key'>;
  usage!: EntityTable<UsageRecord, 'day'>;
  meta!: EntityTable<MediaMeta, 'key'>;

  constructor(name = 'runtut-media') {
    super(name);
    this.version(1).stores({
      files: '++id, [url+staging], lastUsed',
      chunks: '[fileId+offset]',
      downloads: 'key, courseId',
      usage: 'day',
      meta: 'key',
    });
  }
}

let shared: MediaDb | null = null;

/** One connection per page or worker. */
export function mediaDb(): MediaDb {
  shared ??= new MediaDb();
  return shared;
}
