import {
  applyDeliveryOutcome,
  createEventOutbox,
  type DeliveryOutcome,
} from '../storage/event-outbox.ts';
import type { RuntutDb, StoredLessonEvent } from '../storage/runtut-db.ts';
import {
  postEvents,
  type ApiContext,
  type ApiFailure,
  type EventResult,
  type ServerChangedLesson,
} from './api-client.ts';
import { BATCH_BYTES, BATCH_EVENTS, chunkBySize } from './batches.ts';

export interface PassReport {
  delivered: number;
  setAside: number;
  /** Why the pass stopped early; absent when the outbox was drained. */
  failure?: ApiFailure;
}

export interface SendOptions {
  batchEvents?: number;
  batchBytes?: number;
  /** Called after each acknowledged batch (to refresh "waiting to send N"). */
  onBatch?: () => void | Promise<void>;
  /** The lessons an acknowledged batch changed, as the server credits them (its confirmations). */
  onServerLessons?: (lessons: readonly ServerChangedLesson[]) => void;
}

function describe(result: EventResult): string {
  const detail = result.reason ?? result.status;
  return result.field ? `${detail} (${result.field})` : detail;
}

const sameId = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/**
 * The answer for the event at `index`: results come in the batch's order; the id, when the
 * server could read it, must agree, else it is looked up by id (a reordered reply).
 */
function resultFor(
  results: readonly EventResult[],
  index: number,
  id: string,
): EventResult | undefined {
  const inOrder = results[index];
  if (inOrder && (inOrder.id === null || sameId(inOrder.id, id))) return inOrder;
  return results.find((result) => sameId(result.id, id));
}

/** Sorts one batch's answer into delivered and set-aside rows; rows with no answer stay pending. */
function outcomeOf(rows: readonly StoredLessonEvent[], results: readonly EventResult[]) {
  const outcome: DeliveryOutcome = { delivered: [], setAside: [] };
  let unanswered = 0;
  for (const [index, row] of rows.entries()) {
    const result = resultFor(results, index, row.event.id);
    if (row.localId === undefined) continue;
    if (!result) unanswered += 1;
    else if (result.status === 'accepted' || result.status === 'duplicate')
      outcome.delivered.push(row.localId);
    else outcome.setAside.push({ localId: row.localId, reason: describe(result) });
  }
  return { outcome, unanswered };
}

/**
 * One send pass for a participant, Workbox-Queue style: read the oldest pending events, send
 * them, apply the acknowledgements, repeat until the outbox is empty or a request fails. A
 * failure leaves every unacknowledged event pending, in order, for the next pass.
 */
export async function sendPendingEvents(
  db: RuntutDb,
  participantId: string,
  token: string,
  api: ApiContext,
  options: SendOptions = {},
): Promise<PassReport> {
  const outbox = createEventOutbox(db);
  const report: PassReport = { delivered: 0, setAside: 0 };

  async function send(rows: StoredLessonEvent[]): Promise<ApiFailure | undefined> {
    const reply = await postEvents(
      api,
      token,
      rows.map((row) => row.event),
    );
    if (!reply.ok) {
      if (reply.kind !== 'refused') return reply;
      // The whole request was refused: halve it until the offending event is alone, so one bad
      // event cannot hold back the rest, and is set aside rather than retried forever.
      if (rows.length === 1) {
        const [row] = rows;
        if (row?.localId !== undefined) {
          await applyDeliveryOutcome(db, {
            delivered: [],
            setAside: [{ localId: row.localId, reason: reply.reason }],
          });
          report.setAside += 1;
        }
        return undefined;
      }
      const middle = Math.ceil(rows.length / 2);
      return (await send(rows.slice(0, middle))) ?? (await send(rows.slice(middle)));
    }
    const { outcome, unanswered } = outcomeOf(rows, reply.value.results);
    await applyDeliveryOutcome(db, outcome);
    if (reply.value.lessons.length > 0) options.onServerLessons?.(reply.value.lessons);
    report.delivered += outcome.delivered.length;
    report.setAside += outcome.setAside.length;
    await options.onBatch?.();
    // A reply that leaves events unanswered would have us resend them at once, forever.
    return unanswered > 0 ? { kind: 'server', status: 200 } : undefined;
  }

  for (;;) {
    const rows = await outbox.oldestPending(participantId, options.batchEvents ?? BATCH_EVENTS);
    if (rows.length === 0) return report;
    for (const chunk of chunkBySize(rows, options.batchBytes ?? BATCH_BYTES)) {
      const failure = await send(chunk);
      if (failure) return { ...report, failure };
    }
  }
}
