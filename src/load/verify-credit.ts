import pg from 'pg';
import type { LatencyStats } from './latency-stats.ts';
import { request } from './load-http.ts';
import type { SimulatedPhone } from './simulated-phone.ts';

export interface CreditMismatch {
  participantId: string;
  lessonId: string;
  played: number;
  credited: number;
}

export interface Verification {
  participantsChecked: number;
  /** Lessons whose server credit differs from what the phone played (lost or doubled). */
  mismatches: CreditMismatch[];
  /** Events still in an outbox after the drain: not delivered (the run failed to deliver). */
  undelivered: number;
  /** Answers other than accepted/duplicate (a defect of the run or of the server). */
  refused: number;
  database?: { storedEventsMismatch: number; creditedTotalMismatch: number } | undefined;
  exact: boolean;
}

const TOLERANCE = 0.0015; // positions are kept to the millisecond; the API rounds to 3 decimals

/** Asks the server, per simulated participant, what it credited, and compares. */
export async function verifyCredit(
  phones: readonly SimulatedPhone[],
  options: { url: string; courseId: string; databaseUrl?: string | undefined },
  stats: LatencyStats,
): Promise<Verification> {
  const mismatches: CreditMismatch[] = [];
  const queue = phones.filter((phone) => phone.token && phone.participantId);
  async function worker() {
    for (let phone = queue.pop(); phone; phone = queue.pop()) {
      let reply = await progressOf(phone, options, stats);
      for (let attempt = 0; !reply && attempt < 5; attempt += 1)
        reply = await progressOf(phone, options, stats);
      if (!reply) throw new Error(`cannot read the progress of ${phone.participantId ?? ''}`);
      const credited = new Map(reply.map((lesson) => [lesson.lessonId, lesson.watchedSeconds]));
      const lessons = new Set([...credited.keys(), ...phone.device.played.keys()]);
      for (const lessonId of lessons) {
        const played = phone.device.played.get(lessonId) ?? 0;
        const got = credited.get(lessonId) ?? 0;
        if (Math.abs(played - got) > TOLERANCE)
          mismatches.push({
            participantId: phone.participantId ?? '',
            lessonId,
            played,
            credited: got,
          });
      }
    }
  }
  const checked = queue.length;
  await Promise.all(Array.from({ length: 16 }, worker));
  const undelivered = phones.reduce((sum, phone) => sum + phone.waiting, 0);
  const refused = phones.reduce((sum, phone) => sum + phone.counters.refused.length, 0);
  const database = options.databaseUrl
    ? await checkDatabase(phones, options.databaseUrl)
    : undefined;
  return {
    participantsChecked: checked,
    mismatches,
    undelivered,
    refused,
    database,
    exact:
      mismatches.length === 0 &&
      undelivered === 0 &&
      refused === 0 &&
      checked === phones.length &&
      (database === undefined ||
        (database.storedEventsMismatch === 0 && database.creditedTotalMismatch === 0)),
  };
}

async function progressOf(
  phone: SimulatedPhone,
  options: { url: string; courseId: string },
  stats: LatencyStats,
) {
  const reply = await request(
    stats,
    `${options.url}/api/v1/progress?course=${encodeURIComponent(options.courseId)}`,
    { headers: { authorization: `Bearer ${phone.token ?? ''}` }, timeoutMs: 15_000 },
  );
  if (!reply.ok) return undefined;
  return (reply.body as { lessons: { lessonId: string; watchedSeconds: number }[] }).lessons;
}

/**
 * Straight from PostgreSQL: every event the phone wrote is stored exactly once, and the
 * participant's credited total (the sum over stored events, which a double credit would
 * inflate) equals what it played.
 */
async function checkDatabase(phones: readonly SimulatedPhone[], databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = phones.flatMap((phone) => (phone.participantId ? [phone.participantId] : []));
    const stored = await client.query<{ participant_id: string; n: number }>(
      `SELECT participant_id, count(*)::int AS n FROM events WHERE participant_id = ANY($1::text[])
       GROUP BY participant_id`,
      [ids],
    );
    const totals = await client.query<{ id: string; credited_seconds: number }>(
      'SELECT id, credited_seconds FROM participants WHERE id = ANY($1::text[])',
      [ids],
    );
    const count = new Map(stored.rows.map((row) => [row.participant_id, row.n]));
    const credited = new Map(totals.rows.map((row) => [row.id, row.credited_seconds]));
    let storedEventsMismatch = 0;
    let creditedTotalMismatch = 0;
    for (const phone of phones) {
      if (!phone.participantId) continue;
      if ((count.get(phone.participantId) ?? 0) !== phone.sentIds.size) storedEventsMismatch += 1;
      const played = [...phone.device.played.values()].reduce((sum, value) => sum + value, 0);
      if (Math.abs((credited.get(phone.participantId) ?? 0) - played) > TOLERANCE * 10)
        creditedTotalMismatch += 1;
    }
    return { storedEventsMismatch, creditedTotalMismatch };
  } finally {
    await client.end();
  }
}
