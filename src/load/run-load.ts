import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCourseManifest } from '../domain/course-manifest.ts';
import { backoffDelay } from '../sync/backoff.ts';
import { LatencyStats } from './latency-stats.ts';
import { request, sleep } from './load-http.ts';
import type { LoadOptions } from './load-options.ts';
import { SimulatedDevice, type SimLesson } from './simulated-participant.ts';
import { SimulatedPhone, type PhoneBehaviour } from './simulated-phone.ts';
import { verifyCredit, type Verification } from './verify-credit.ts';

export interface LoadFault {
  /** When, as a share of the play time (0.5 = half-way). */
  at: number;
  name: string;
  run(): Promise<void>;
}

export interface LoadReport {
  participants: number;
  playSeconds: number;
  requests: number;
  requestsPerSecond: number;
  eventsAcknowledged: number;
  eventsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: number;
  outcomes: Record<string, number>;
  duplicatesAnswered: number;
  playedSeconds: number;
  verification: Verification;
}

/** A seeded generator (mulberry32), so a run's choices can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function courseLessons(options: LoadOptions): Promise<SimLesson[]> {
  const served = await fetch(`${options.url}/courses/${options.courseId}/course.json`).then(
    (response) => (response.ok ? (response.json() as Promise<unknown>) : undefined),
    () => undefined,
  );
  const input =
    served ??
    (JSON.parse(
      await readFile(join(options.coursesDir, options.courseId, 'course.json'), 'utf8'),
    ) as unknown);
  const parsed = parseCourseManifest(input);
  if (!parsed.ok) throw new Error(`course ${options.courseId}: ${parsed.problems[0]?.en ?? ''}`);
  return parsed.manifest.lessons.map((lesson) => ({
    id: lesson.id,
    durationSeconds: lesson.durationSeconds,
  }));
}

/** Repeats a request until it succeeds (backing off, honouring Retry-After) or time is up. */
async function untilOk(
  attempt: () => ReturnType<typeof request>,
  random: () => number,
  behaviour: PhoneBehaviour,
) {
  for (let failures = 1; ; failures += 1) {
    const reply = await attempt();
    if (reply.ok) return reply.body;
    await sleep(reply.retryAfterMs ?? backoffDelay(failures, random, behaviour.backoff));
  }
}

/**
 * Runs simulated participants against a real server for `minutes` of real play, then lets every
 * outbox drain and checks each participant's credit (verify-credit.ts). `faults` run at their
 * moment; `log` gets a progress line every 5 s.
 */
export async function runLoad(
  options: LoadOptions,
  faults: readonly LoadFault[] = [],
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<LoadReport> {
  const random = seeded(options.seed);
  const lessons = await courseLessons(options);
  const stats = new LatencyStats();
  const behaviour: PhoneBehaviour = {
    url: options.url,
    batchEvents: 200,
    timeoutMs: 10_000,
    backoff: { baseDelayMs: 250, maxDelayMs: 5_000 },
    lostReplyShare: options.lostReplyShare,
    doubleSendShare: options.doubleSendShare,
    random,
  };
  const playMs = options.minutes * 60_000;
  const intervalMs = options.eventIntervalSeconds * 1000;
  const rampMs = Math.min(5_000, playMs * 0.1);
  const t0 = performance.now();
  const wallAt = (mono: number) => Date.now() - (performance.now() - mono);
  const stopAt = t0 + rampMs + playMs;
  const phones = Array.from(
    { length: options.participants },
    () =>
      new SimulatedPhone(new SimulatedDevice(options.courseId, lessons, wallAt), behaviour, stats),
  );

  async function live(phone: SimulatedPhone, index: number) {
    await sleep((index / options.participants) * rampMs);
    const kind = random();
    const ticketed = kind < options.ticketShare;
    const burst = !ticketed && kind < options.ticketShare + options.burstShare;
    const intermittent = !ticketed && !burst && random() < options.intermittentShare;
    const outageStart = 0.1 + random() * 0.6;
    const outageEnd = outageStart + 0.05 + random() * 0.2;
    const session = (body: unknown) =>
      untilOk(
        () =>
          request(stats, `${options.url}/api/v1/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
            timeoutMs: behaviour.timeoutMs,
          }),
        random,
        behaviour,
      ) as Promise<{ token: string; participantId: string }>;
    let ticket: string | undefined;
    if (ticketed) {
      const reply = (await untilOk(
        () =>
          request(stats, `${options.url}/api/v1/clock-ticket`, {
            method: 'POST',
            timeoutMs: behaviour.timeoutMs,
          }),
        random,
        behaviour,
      )) as { clockTicket: string };
      ticket = reply.clockTicket; // then the signal is gone: a provisional participant plays
      phone.online = false;
    } else {
      Object.assign(phone, await session({}));
    }
    let last = performance.now();
    phone.write(phone.device.start(last));
    while (last < stopAt && !phone.device.finished) {
      await sleep(Math.min(intervalMs, stopAt - last));
      const now = Math.min(performance.now(), stopAt);
      const share = (now - t0 - rampMs) / playMs;
      phone.write(phone.device.play(last, now));
      last = now;
      if (ticketed && !phone.token && share >= 0.3) {
        Object.assign(phone, await session({ clockTicket: ticket }));
        phone.online = true;
      } else if (burst) phone.online = share < 0.3 || share >= 0.6;
      else if (intermittent) phone.online = share < outageStart || share >= outageEnd;
      void phone.flush();
    }
    // Back in signal at the latest when play stops: a phone that started offline (and perhaps
    // never reached the server during play) now opens its session with the ticket.
    if (ticketed && !phone.token) Object.assign(phone, await session({ clockTicket: ticket }));
  }

  const progress = setInterval(() => {
    const seconds = (performance.now() - t0) / 1000;
    const waiting = phones.reduce((sum, phone) => sum + phone.waiting, 0);
    const offline = phones.filter((phone) => !phone.online).length;
    log(
      `load: ${seconds.toFixed(0)}s requests=${stats.count} p99=${stats.percentile(99, Math.max(0, stats.mark - 5000)).toFixed(0)}ms errors=${stats.errors} waiting=${waiting} offline=${offline}`,
    );
  }, 5_000);
  const timers = faults.map((fault) =>
    setTimeout(
      () => {
        log(`load: fault "${fault.name}"`);
        fault
          .run()
          .catch((error: unknown) => log(`load: fault "${fault.name}" failed: ${String(error)}`));
      },
      rampMs + fault.at * playMs,
    ),
  );
  try {
    await Promise.all(phones.map(live));
    const playSeconds = (performance.now() - t0) / 1000;
    // Back in signal: everyone drains their outbox, the reconnect burst included.
    for (const phone of phones) phone.online = true;
    const drained = Promise.all(phones.map((phone) => phone.flush()));
    await Promise.race([drained, sleep(options.drainSeconds * 1000)]);
    for (const phone of phones) if (phone.waiting > 0) phone.online = false;
    const sent = stats.count;
    const latencyMs = {
      p50: stats.percentile(50),
      p95: stats.percentile(95),
      p99: stats.percentile(99),
      max: stats.percentile(100),
    };
    const errors = stats.errors;
    const outcomes = Object.fromEntries(stats.outcomes);
    const seconds = (performance.now() - t0) / 1000;
    const verification = await verifyCredit(phones, options, stats);
    const acknowledged = phones.reduce((sum, phone) => sum + phone.counters.eventsAcknowledged, 0);
    return {
      participants: phones.length,
      playSeconds,
      requests: sent,
      requestsPerSecond: sent / seconds,
      eventsAcknowledged: acknowledged,
      eventsPerSecond: acknowledged / seconds,
      latencyMs,
      errors,
      outcomes,
      duplicatesAnswered: phones.reduce((sum, phone) => sum + phone.counters.duplicatesAnswered, 0),
      playedSeconds: phones.reduce(
        (sum, phone) => sum + [...phone.device.played.values()].reduce((a, b) => a + b, 0),
        0,
      ),
      verification,
    };
  } finally {
    clearInterval(progress);
    timers.forEach(clearTimeout);
  }
}
