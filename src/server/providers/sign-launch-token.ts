import { sign } from 'hono/jwt';

export interface LaunchClaims {
  sub: string;
  course?: string | undefined;
  iat: number;
  exp: number;
  iss?: string | undefined;
}

/**
 * Signs a launch token as a provider's backend would (HS256), with the secret's key id in the
 * header when it has one. For `runtut token` and tests; providers sign with their own JWT library.
 */
export function signLaunchToken(
  claims: LaunchClaims,
  secret: string,
  kid?: string,
): Promise<string> {
  const payload = Object.fromEntries(
    Object.entries(claims).filter(([, value]) => value !== undefined),
  );
  if (kid === undefined) return sign(payload, secret, 'HS256');
  return sign(payload, {
    kty: 'oct',
    k: Buffer.from(secret).toString('base64url'),
    alg: 'HS256',
    kid,
  });
}
