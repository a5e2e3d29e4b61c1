import { createHash } from 'node:crypto';
import { verify } from 'hono/jwt';

/**
 * Remembers which token strings already passed signature verification with which secret, so a
 * phone sending the same token every few seconds costs one HMAC check (WebCrypto key import and
 * verify were a quarter of an ingest's CPU), not one per request. Claims (exp, nbf) are still
 * checked on every request by the caller. Bounded: the oldest entries are forgotten first.
 */
const MAX_ENTRIES = 50_000;
const verified = new Map<string, true>();

const keyOf = (token: string, secret: string) =>
  createHash('sha256').update(secret).update('\0').update(token).digest('base64url');

/** Throws as hono's `verify` does when the signature does not match. */
export async function verifySignatureOnce(token: string, secret: string): Promise<void> {
  const key = keyOf(token, secret);
  if (verified.has(key)) return;
  await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
  if (verified.size >= MAX_ENTRIES) {
    const oldest = verified.keys().next();
    if (!oldest.done) verified.delete(oldest.value);
  }
  verified.set(key, true);
}
