import { decode, sign } from 'hono/jwt';
import { JwtTokenSignatureMismatched } from 'hono/utils/jwt/types';
import type { ApiErrorCode } from '../http/api-error.ts';
import { DEMO_PROVIDER_ID } from '../providers/provider-directory.ts';
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
  try {
    const decoded = decode(token);
    if (decoded.header.alg !== 'HS256') return fail('token-algorithm');
    claims = decoded.payload;
  } catch {
    return fail('token-malformed');
  }
  if (secrets.mode === 'provider' && claims.mode === 'demo') return fail('demo-token-refused');
  const secret = secrets.mode === 'provider' ? secrets.providerSecret : secrets.sessionSecret;
  if (!secret) return fail('token-signature-invalid');
  try {
    await verifySignatureOnce(token, secret);
  } catch (error) {
    return fail(
      error instanceof JwtTokenSignatureMismatched ? 'token-signature-invalid' : 'token-malformed',
    );
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
      participantId: sub,
      mode: secrets.mode,
      // One provider per server until providers live in the database (issue 9).
      providerId: DEMO_PROVIDER_ID,
      courseId: typeof course === 'string' ? course : undefined,
      issuedAtMs,
    },
  };
}
