import type { ApiErrorCode } from '../http/api-error.ts';
import type { LaunchKey } from './secret-store.ts';

/** Finds a provider's launch-token secret by the token's `kid` header. */
export interface LaunchKeyring {
  byKid(kid: string): Promise<LaunchKey | undefined>;
}

/** Clock skew allowed between a provider's clock and ours when comparing `iat` with a rotation. */
const ROTATION_SKEW_MS = 60_000;

export type KeyLookup = { ok: true; key: LaunchKey } | { ok: false; code: ApiErrorCode };

/** The secret that checks a token with this `kid`; a retired secret checks nothing. */
export async function launchKeyFor(
  keyring: LaunchKeyring | undefined,
  kid: string,
  nowMs: number,
): Promise<KeyLookup> {
  const key = keyring && (await keyring.byKid(kid));
  if (!key) return { ok: false, code: 'token-key-unknown' };
  if (key.retiredAt !== null && key.retiredAt.getTime() <= nowMs)
    return { ok: false, code: 'token-key-retired' };
  return { ok: true, key };
}

/**
 * After the signature checked out: a superseded secret only vouches for tokens issued (`iat`)
 * before it was replaced, so tokens already out keep working until they expire while a provider
 * that still signs new ones with the old secret is told so. `iss`, when present, must name the
 * key's provider.
 */
export function keyRefusesClaims(
  key: LaunchKey,
  claims: Record<string, unknown>,
): ApiErrorCode | undefined {
  if (claims.iss !== undefined && claims.iss !== key.providerId) return 'token-issuer-invalid';
  if (key.supersededAt === null) return undefined;
  const iat = typeof claims.iat === 'number' ? claims.iat * 1000 : undefined;
  return iat === undefined || iat > key.supersededAt.getTime() + ROTATION_SKEW_MS
    ? 'token-key-superseded'
    : undefined;
}
