import type { LessonEvent } from '../domain/lesson-events.ts';
import { backoffDelay } from '../sync/backoff.ts';
import type { LatencyStats } from './latency-stats.ts';
import { request, sleep } from './load-http.ts';
import type { SimulatedDevice } from './simulated-participant.ts';

/** How the phone's outbox behaves (the real one: src/sync/outbox-sender.ts, start-sync.ts). */
export interface PhoneBehaviour {
  url: string;
  batchEvents: number;
  timeoutMs: number;
  backoff: { baseDelayMs: number; maxDelayMs: number };
  /** Chance that a delivered batch's reply is lost, so the phone sends it again. */
  lostReplyShare: number;
  /** Chance that a batch is sent twice at once (a retry racing the first attempt). */
  doubleSendShare: number;
  random: () => number;
}

export interface PhoneCounters {
  eventsWritten: number;
  eventsAcknowledged: number;
  duplicatesAnswered: number;
  refused: { status: string; reason: string }[];
}

type EventsReply = { results: { id: string | null; status: string; reason?: string }[] };

/**
 * The outbox of one simulated phone: events wait in order; while online, the oldest (up to a
 * batch) are sent, acknowledged ones (accepted, duplicate) are dropped, failures keep every
 * event and back off with full jitter, honouring Retry-After. Anything else the server answers
 * (rejected, invalid, conflict) is a defect of the run and is recorded.
 */
export class SimulatedPhone {
  token: string | null = null;
  participantId: string | null = null;
  online = true;
  private pending: LessonEvent[] = [];
  private sending: Promise<void> | undefined;
  readonly counters: PhoneCounters = {
    eventsWritten: 0,
    eventsAcknowledged: 0,
    duplicatesAnswered: 0,
    refused: [],
  };
  readonly sentIds = new Set<string>();

  constructor(
    readonly device: SimulatedDevice,
    private readonly behaviour: PhoneBehaviour,
    private readonly stats: LatencyStats,
  ) {}

  get waiting(): number {
    return this.pending.length;
  }

  write(events: readonly LessonEvent[]): void {
    this.pending.push(...events);
    this.counters.eventsWritten += events.length;
    for (const event of events) this.sentIds.add(event.id);
    void this.flush();
  }

  /** Sends until the outbox is empty or the phone goes offline. */
  flush(): Promise<void> {
    if (!this.online || !this.token || this.pending.length === 0) return Promise.resolve();
    this.sending ??= this.sendAll().finally(() => (this.sending = undefined));
    return this.sending;
  }

  private post(batch: readonly LessonEvent[]) {
    return request(this.stats, `${this.behaviour.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token ?? ''}` },
      body: JSON.stringify({ events: batch }),
      timeoutMs: this.behaviour.timeoutMs,
    });
  }

  private async sendAll(): Promise<void> {
    const { random, batchEvents, backoff } = this.behaviour;
    let failures = 0;
    while (this.online && this.pending.length > 0) {
      const batch = this.pending.slice(0, batchEvents);
      const twice = random() < this.behaviour.doubleSendShare;
      const [reply] = await Promise.all([this.post(batch), twice ? this.post(batch) : undefined]);
      if (reply.ok && random() >= this.behaviour.lostReplyShare) {
        failures = 0;
        this.acknowledge(batch, reply.body as EventsReply);
        continue;
      }
      failures += 1;
      const wait = reply.ok ? undefined : reply.retryAfterMs;
      await sleep(wait ?? backoffDelay(failures, random, backoff));
    }
  }

  private acknowledge(batch: readonly LessonEvent[], reply: EventsReply): void {
    const answered = new Set<string>();
    reply.results.forEach((result, index) => {
      const id = result.id ?? batch[index]?.id;
      if (!id) return;
      answered.add(id);
      if (result.status === 'accepted' || result.status === 'duplicate') {
        this.counters.eventsAcknowledged += 1;
        if (result.status === 'duplicate') this.counters.duplicatesAnswered += 1;
      } else {
        this.counters.refused.push({ status: result.status, reason: result.reason ?? '' });
      }
    });
    this.pending = this.pending.filter((event) => !answered.has(event.id));
  }
}
