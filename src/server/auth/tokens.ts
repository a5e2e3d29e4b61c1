import { decode, sign } from 'hono/jwt';
import { JwtTokenSignatureMismatched } from 'hono/utils/jwt/types';
import type { ApiErrorCode } from '../http/api-error.ts';
import { DEMO_PROVIDER_ID } from '../providers/provider-directory.ts';
import { keyRefusesClaims, launchKeyFor, type LaunchKeyring } from '../providers/launch-keyring.ts';
import { participantKey } from '../providers/participant-key.ts';
import type { LaunchKey } from '../providers/secret-store.ts';
import type { Identity } from './identity.ts';
import { verifySignatureOnce } from './signature-cache.ts';

export const SESSION_TOKEN_LIFETIME_SECONDS = 365 * 24 * 3600;
/** Clock skew allowed between the provider's clock and ours for `nbf` and `iat`. */
const SKEW_SECONDS = 60;

export interface TokenSecrets {
  mode: 'demo' | 'provider';
  /** Signs and checks demo session tokens (demo mode). */
  sessionSecret?: string | undefined;
  /** Checks the provider's launch tokens (provider mode). */
  providerSecret?: string | undefined;
  /** Providers in the database: a token with a `kid` header is checked with that key's secret. */
  keyring?: LaunchKeyring | undefined;
  /** Who signs tokens without a `kid`: the demo or the env-configured provider. */
  defaultProviderId?: string | undefined;
}

export type TokenCheck = { ok: true; identity: Identity } | { ok: false; code: ApiErrorCode };

export function signSessionToken(
  secret: string,
  participantId: string,
  nowMs: number,
): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return sign(
    { sub: participantId, mode: 'demo', iat, exp: iat + SESSION_TOKEN_LIFETIME_SECONDS },
    secret,
    'HS256',
  );
}

const fail = (code: ApiErrorCode): TokenCheck => ({ ok: false, code });

/**
 * Verifies `Authorization: Bearer <jwt>`. The signature is checked before any claim, so a
 * tampered token is reported as tampered even when its claims say it has expired.
 */
export async function checkBearer(
  header: string | undefined,
  secrets: TokenSecrets,
  nowMs: number,
): Promise<TokenCheck> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!token) return fail('token-missing');
  let claims: Record<string, unknown>;
  let kid: string | undefined;
  try {
    const decoded = decode(token);
    if (decoded.header.alg !== 'HS256') return fail('token-algorithm');
    claims = decoded.payload;
    kid = decoded.header.kid;
  } catch {
    return fail('token-malformed');
  }
  let secret: string | undefined;
  let providerId = secrets.defaultProviderId ?? DEMO_PROVIDER_ID;
  let mode = secrets.mode;
  let key: LaunchKey | undefined;
  if (kid !== undefined) {
    const found = await launchKeyFor(secrets.keyring, kid, nowMs);
    if (!found.ok) return fail(found.code);
    ({ key } = found);
    ({ secret, providerId } = key);
    mode = 'provider';
  } else {
    if (secrets.mode === 'provider' && claims.mode === 'demo') return fail('demo-token-refused');
    secret = secrets.mode === 'provider' ? secrets.providerSecret : secrets.sessionSecret;
  }
  if (!secret) return fail('token-signature-invalid');
  try {
    await verifySignatureOnce(token, secret);
  } catch (error) {
    return fail(
      error instanceof JwtTokenSignatureMismatched ? 'token-signature-invalid' : 'token-malformed',
    );
  }
  if (key) {
    const refused = keyRefusesClaims(key, claims);
    if (refused) return fail(refused);
  }
  const now = nowMs / 1000;
  const { sub, exp, nbf, iat, course } = claims;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 128)
    return fail('token-claims-invalid');
  if (course !== undefined && (typeof course !== 'string' || course.length === 0))
    return fail('token-claims-invalid');
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return fail('token-claims-invalid');
  if (exp <= now) return fail('token-expired');
  if (typeof nbf === 'number' && nbf > now + SKEW_SECONDS) return fail('token-not-yet-valid');
  const issuedAtMs =
    typeof iat === 'number' && Number.isFinite(iat) ? Math.min(iat * 1000, nowMs) : undefined;
  return {
    ok: true,
    identity: {
      participantId: participantKey(providerId, sub, key !== undefined),
      mode,
      providerId,
      courseId: typeof course === 'string' ? course : undefined,
      issuedAtMs,
    },
  };
}
