import type { LatencyStats } from './latency-stats.ts';

export type HttpOutcome =
  | { ok: true; status: number; body: unknown }
  | { ok: false; status: number; retryAfterMs?: number | undefined };

/**
 * One request of a simulated phone: a timeout like the real client's, the latency and outcome
 * recorded, the answer sorted into success or a failure with the server's Retry-After.
 */
export async function request(
  stats: LatencyStats,
  url: string,
  init: RequestInit & { timeoutMs: number },
): Promise<HttpOutcome> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), init.timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    const text = await response.text();
    stats.record(performance.now() - started, String(response.status));
    if (!response.ok) {
      const header = Number(response.headers.get('retry-after'));
      return {
        ok: false,
        status: response.status,
        retryAfterMs: Number.isFinite(header) && header >= 0 ? header * 1000 : undefined,
      };
    }
    return { ok: true, status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  } catch {
    stats.record(performance.now() - started, 'no-answer');
    return { ok: false, status: 0 };
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
