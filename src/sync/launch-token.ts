/**
 * The participant id (`sub`) carried by a provider's launch JWT. The payload is only decoded, not
 * verified: the server verifies the token on every request; here it only names whose progress
 * this device is keeping. Returns undefined for anything that is not a JWT with a string `sub`.
 */
export function launchTokenSubject(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { sub?: unknown };
    return typeof claims.sub === 'string' && claims.sub.length > 0 ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}
