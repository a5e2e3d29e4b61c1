/**
 * What a provider's names must look like, checked the same way by the CLI and the server. An
 * origin is what a browser sends in `Origin` and what CSP `frame-ancestors` lists: scheme, host
 * and port only.
 */
export const PROVIDER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export function checkProviderId(text: string): Checked<string> {
  return PROVIDER_ID_PATTERN.test(text)
    ? { ok: true, value: text }
    : {
        ok: false,
        reason: `provider id "${text}" must be 1-64 lowercase letters, digits or "-", starting with a letter or digit`,
      };
}

export function checkOrigin(text: string): Checked<string> {
  const trimmed = text.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: `"${text}" is not a URL such as https://kursus.example` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: `"${text}" must be an http:// or https:// origin` };
  if (url.origin !== trimmed.toLowerCase() && url.origin !== trimmed)
    return {
      ok: false,
      reason: `"${text}" must be an origin only (scheme, host, port; no path): ${url.origin}`,
    };
  return { ok: true, value: url.origin };
}
