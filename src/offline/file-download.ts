import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { readContentRange } from '../domain/offline/byte-ranges.ts';
import { CHUNK_BYTES, ChunkBuffer } from './byte-stream.ts';
import {
  DropError,
  HttpError,
  IntegrityError,
  QuotaError,
  isAbort,
  isQuotaError,
} from './download-errors.ts';
import { emptyFile, type StoredFile } from './media-db.ts';
import type { MediaStore } from './media-store.ts';
import { stallWatchdog } from './stall-watchdog.ts';

export interface FileJob {
  url: string;
  bytes?: number | undefined;
  sha256?: string | undefined;
}

export interface FileDownloadContext {
  store: MediaStore;
  signal: AbortSignal;
  fetch?: typeof fetch;
  /** Bytes of this file now held (stored or verified), for the progress bar. */
  progress(heldBytes: number): void;
  /** No byte for this long counts as a lost signal (default STALL_MS). */
  stallMs?: number;
}

/** No byte for this long counts as a lost signal: the attempt stops, to resume by range. */
export const STALL_MS = 20_000;

/**
 * Downloads one file into a staging record of the media store, in chunks, resuming from what a
 * previous attempt stored (`Range` + `If-Range`), hashing as it goes, and verifies the whole
 * against the manifest's size and SHA-256. Returns the verified record: staging, or an already
 * stored copy that matched. Throws DropError (signal lost: resume later), IntegrityError,
 * QuotaError or HttpError.
 */
export async function downloadFile(
  job: FileJob,
  context: FileDownloadContext,
): Promise<StoredFile> {
  const watchdog = stallWatchdog(context.signal, context.stallMs ?? STALL_MS);
  try {
    return await attemptFile(job, {
      ...context,
      signal: watchdog.signal,
      network: watchdog.network,
    });
  } catch (error) {
    if (watchdog.stalled()) throw new DropError(`no data for ${context.stallMs ?? STALL_MS} ms`);
    throw error;
  } finally {
    watchdog.stop();
  }
}

/** A download attempt's context: network steps are awaited through the stall watchdog. */
type AttemptContext = FileDownloadContext & { network<T>(step: Promise<T>): Promise<T> };

async function attemptFile(job: FileJob, context: AttemptContext): Promise<StoredFile> {
  const { store } = context;
  const reusable = await storedCopyMatching(job, store);
  if (reusable) {
    context.progress(reusable.storedBytes);
    return reusable;
  }
  const file = (await store.staging(job.url)) ?? (await newStaging(job, store));
  const hasher = sha256.create();
  for await (const part of store.read(file.id as number, 0, file.storedBytes)) hasher.update(part);
  const held = file.storedBytes;
  context.progress(held);
  // Every byte arrived before the attempt stopped: nothing to ask the network for.
  if (held > 0 && held === file.size) return verify(job, file, bytesToHex(hasher.digest()));

  const headers = new Headers();
  if (held > 0) {
    headers.set('Range', `bytes=${held}-`);
    const validator = file.etag ?? file.lastModified;
    if (validator) headers.set('If-Range', validator);
  }
  let response: Response;
  try {
    response = await context.network(
      (context.fetch ?? fetch)(job.url, { cache: 'no-store', headers, signal: context.signal }),
    );
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new DropError(String(error));
  }
  if (response.status !== 200 && response.status !== 206)
    throw new HttpError(job.url, response.status);
  if (
    response.status === 206 &&
    readContentRange(response.headers.get('content-range'))?.start !== held
  ) {
    throw new HttpError(job.url, 206);
  }
  if (response.status === 200 && held > 0) {
    // The server sent the whole file (it changed, or ignores ranges): start over.
    await store.remove([file.id as number]);
    return downloadBody(job, await newStaging(job, store), response, sha256.create(), context);
  }
  await store.update(file.id as number, {
    etag: file.etag ?? response.headers.get('etag') ?? undefined,
    lastModified: file.lastModified ?? response.headers.get('last-modified') ?? undefined,
    contentType: response.headers.get('content-type') ?? file.contentType,
  });
  return downloadBody(job, file, response, hasher, context);
}

async function downloadBody(
  job: FileJob,
  file: StoredFile,
  response: Response,
  hasher: ReturnType<typeof sha256.create>,
  context: AttemptContext,
): Promise<StoredFile> {
  const { store } = context;
  if (file.size === null && response.status === 200 && !response.headers.get('content-encoding')) {
    const length = response.headers.get('content-length');
    if (length !== null) await store.update(file.id as number, { size: Number(length) });
  }
  if (response.status === 200) {
    await store.update(file.id as number, {
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
      contentType: response.headers.get('content-type') ?? file.contentType,
    });
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const buffer = new ChunkBuffer(CHUNK_BYTES);
  let offset = file.storedBytes;
  let current = file;
  const flush = async () => {
    if (buffer.byteLength === 0) return;
    const length = buffer.byteLength;
    try {
      current = await store.write(file.id as number, offset - length, buffer.take(), length);
    } catch (error) {
      if (isQuotaError(error)) throw new QuotaError(String(error));
      throw error;
    }
    context.progress(current.storedBytes);
  };
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await context.network(reader.read());
    } catch (error) {
      // Keep every byte that arrived, so the resume asks only for the rest.
      await flush();
      if (isAbort(error)) throw error;
      throw new DropError(String(error));
    }
    if (chunk.done) break;
    hasher.update(chunk.value);
    offset += chunk.value.byteLength;
    buffer.push(chunk.value);
    if (buffer.full) await flush();
  }
  await flush();
  return verify(job, current, bytesToHex(hasher.digest()));
}

async function verify(job: FileJob, file: StoredFile, digest: string): Promise<StoredFile> {
  const sizeOk = job.bytes === undefined || file.storedBytes === job.bytes;
  const hashOk = job.sha256 === undefined || digest === job.sha256;
  if (!sizeOk || !hashOk) throw new IntegrityError(job.url);
  const size = file.storedBytes;
  return { ...file, size, complete: true };
}

function newStaging(job: FileJob, store: MediaStore): Promise<StoredFile> {
  return store.create(emptyFile(job.url, { size: job.bytes ?? null, staging: 1 }));
}

/** A complete copy already stored (downloaded before, or kept while watching) that matches. */
async function storedCopyMatching(job: FileJob, store: MediaStore): Promise<StoredFile | null> {
  const file = await store.servable(job.url);
  if (!file?.complete || file.id === undefined || file.size === null) return null;
  if (job.bytes !== undefined && file.size !== job.bytes) return null;
  if (job.sha256 === undefined) return file.pinned ? file : null;
  const hasher = sha256.create();
  for await (const part of store.read(file.id, 0, file.size)) hasher.update(part);
  return bytesToHex(hasher.digest()) === job.sha256 ? file : null;
}
