/** Why a file download stopped; the queue turns each into a state and a message. */
export class DropError extends Error {
  override name = 'DropError';
}

export class IntegrityError extends Error {
  override name = 'IntegrityError';
  constructor(readonly url: string) {
    super(`integrity: ${url} does not match its size or SHA-256 in the manifest`);
  }
}

export class QuotaError extends Error {
  override name = 'QuotaError';
}

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`HTTP ${status} for ${url}`);
  }
}

/** IndexedDB (through Dexie) reports a full disk as QuotaExceededError, sometimes wrapped. */
export function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map(
    (e) => (e as { name?: unknown } | null)?.name,
  );
  return names.includes('QuotaExceededError');
}

export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
