import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/**
 * What can go wrong with one POST /api/v1/events on a flaky cell link:
 * - drop: the request never reaches the server (a network error).
 * - error-500: the server fails.
 * - rate-limit: 429 with Retry-After: 0.
 * - hang: no answer at all, until the client gives up.
 * - lose-reply: the server commits, then the reply is lost on the way back.
 * - duplicate: the request reaches the server twice (a proxy retry); the second reply is returned.
 */
export type Fault = 'drop' | 'error-500' | 'rate-limit' | 'hang' | 'lose-reply' | 'duplicate';

export const API_BASE = 'http://runtut.test';

export interface FaultyNetwork {
  server: ReturnType<typeof setupServer>;
  /** Faults applied to the next POST /events requests, one each, in order. */
  inject(...faults: Fault[]): void;
  /** A fault applied to every POST /events request until cleared. */
  always(fault: Fault | undefined): void;
  /**
   * Answers 400 for the whole request whenever its body holds this event id, the way a server
   * refuses a batch it cannot parse (a stand-in: the real server judges events one by one).
   */
  refuseBatchesWith(eventId: string | undefined): void;
  /** Every other route may be cut too (sessions, progress): all requests fail while true. */
  cutAll(cut: boolean): void;
  /** Requests to this one path fail (a server part that is down), until cleared. */
  cutRoute(pathname: string | undefined): void;
  stats: {
    /** POST /events requests seen (including faulted ones). */
    eventRequests: number;
    /** Event ids in each POST /events body, in arrival order. */
    sentIds: string[][];
    /** Requests that reached the server app. */
    forwarded: number;
    inFlight: number;
    maxInFlight: number;
    faults: Fault[];
  };
  reset(): void;
}

/**
 * msw in Node, routing every /api/v1/* request to the real server app in-process, with faults
 * injected on the way. `handle` is the app's fetch (app.fetch).
 */
export function createFaultyNetwork(
  handle: (request: Request) => Promise<Response>,
): FaultyNetwork {
  let queue: Fault[] = [];
  let permanent: Fault | undefined;
  let cut = false;
  let cutPath: string | undefined;
  let poisoned: string | undefined;
  const stats: FaultyNetwork['stats'] = {
    eventRequests: 0,
    sentIds: [],
    forwarded: 0,
    inFlight: 0,
    maxInFlight: 0,
    faults: [],
  };

  const forward = async (request: Request) => {
    stats.forwarded += 1;
    return handle(request);
  };

  const server = setupServer(
    http.all(`${API_BASE}/api/v1/*`, async ({ request }) => {
      if (cut || new URL(request.url).pathname === cutPath) return HttpResponse.error();
      const isEvents =
        request.method === 'POST' && new URL(request.url).pathname === '/api/v1/events';
      if (!isEvents) return forward(request);
      stats.eventRequests += 1;
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        const body = (await request.clone().json()) as { events?: { id: string }[] };
        stats.sentIds.push((body.events ?? []).map((event) => event.id));
        if (poisoned !== undefined && body.events?.some((event) => event.id === poisoned)) {
          return HttpResponse.json(
            {
              error: {
                code: 'invalid-batch',
                message: 'The body must be a JSON object {"events": [...]}.',
              },
            },
            { status: 400 },
          );
        }
        const fault = queue.shift() ?? permanent;
        if (fault) stats.faults.push(fault);
        switch (fault) {
          case 'drop':
            return HttpResponse.error();
          case 'error-500':
            return HttpResponse.json({ error: 'injected failure' }, { status: 500 });
          case 'rate-limit':
            return HttpResponse.json(
              { error: 'slow down' },
              { status: 429, headers: { 'retry-after': '0' } },
            );
          case 'hang':
            // Never answers; settles (unseen) once the client has given up, to free the slot.
            return await new Promise<Response>((resolve) => {
              request.signal.addEventListener('abort', () => resolve(HttpResponse.error()));
            });
          case 'lose-reply':
            await forward(request);
            return HttpResponse.error();
          case 'duplicate':
            await forward(request.clone());
            return await forward(request);
          default:
            return await forward(request);
        }
      } finally {
        stats.inFlight -= 1;
      }
    }),
  );

  return {
    server,
    inject: (...faults) => queue.push(...faults),
    always: (fault) => {
      permanent = fault;
    },
    refuseBatchesWith: (eventId) => {
      poisoned = eventId;
    },
    cutAll: (value) => {
      cut = value;
    },
    cutRoute: (pathname) => {
      cutPath = pathname;
    },
    stats,
    reset() {
      queue = [];
      permanent = undefined;
      cut = false;
      cutPath = undefined;
      poisoned = undefined;
      Object.assign(stats, {
        eventRequests: 0,
        sentIds: [],
        forwarded: 0,
        inFlight: 0,
        maxInFlight: 0,
        faults: [],
      });
    },
  };
}
