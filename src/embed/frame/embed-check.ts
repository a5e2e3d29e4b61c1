/**
 * Asks the server whether this course may run inside `origin` for this token's provider. The
 * server decides (provider directory); the frame only follows. Returns the provider's origins,
 * which the frame then accepts messages from.
 */
export type EmbedCheck =
  | { ok: true; origins: string[] }
  | { ok: false; reason: 'origin-not-allowed' | 'token-refused' | 'course-unknown' | 'network' };

export async function checkEmbedding(
  courseId: string,
  origin: string,
  token: string | null,
): Promise<EmbedCheck> {
  let response: Response;
  try {
    response = await fetch('/api/v1/embed/check', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ course: courseId, origin }),
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (response.ok) {
    const body = (await response.json().catch(() => ({}))) as { origins?: unknown };
    const origins = Array.isArray(body.origins)
      ? body.origins.filter((o): o is string => typeof o === 'string')
      : [];
    return { ok: true, origins };
  }
  if (response.status === 401) return { ok: false, reason: 'token-refused' };
  if (response.status === 404) return { ok: false, reason: 'course-unknown' };
  const code = ((await response.json().catch(() => ({}))) as { error?: { code?: string } }).error
    ?.code;
  if (code === 'embed-origin-not-allowed') return { ok: false, reason: 'origin-not-allowed' };
  if (response.status === 403) return { ok: false, reason: 'token-refused' };
  return { ok: false, reason: 'network' };
}
