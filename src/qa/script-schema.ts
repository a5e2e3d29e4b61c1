import { z } from 'zod';
import { DELIVERY_STATUSES, LESSON_EVENT_TYPES } from '../domain/lesson-events.ts';
import { LESSON_STATES } from '../domain/lesson-order.ts';
import { SYNC_STATES } from '../sync/sync-status.ts';

/**
 * Playback scripts: what a participant or an attacker does to a Runtut page, step by step, and
 * what must still hold afterwards. Documented in docs/qa.md. A step is either an action
 * (`{"do": "seek", "to": 7}`) or an expectation (`{"expect": "positionAtMost", "value": 2.5}`).
 * Each kind has its own strict schema so a misspelt field is an error, never silently ignored.
 */

const seconds = z.number().min(0).max(600);
const share = z.number().min(0).max(1);
const lessonId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lessonId');
const selector = z.string().min(1).max(500);
const path = z.string().regex(/^\//, 'path');
/** Free text a person reads in the run log and in the report; never interpreted. */
const note = z.string().max(500).optional();
const who = z.string().min(1).max(40);

const action = <D extends string, S extends z.ZodRawShape>(name: D, shape: S) =>
  z.strictObject({ do: z.literal(name), note, ...shape });

export const MEDIA_SESSION_ACTIONS = [
  'play',
  'pause',
  'seekto',
  'seekforward',
  'seekbackward',
  'nexttrack',
  'previoustrack',
  'skipad',
] as const;

const eventOverrides = z.strictObject({
  id: z.string().optional(),
  courseId: z.string().optional(),
  lessonId: z.string().optional(),
  type: z.enum(LESSON_EVENT_TYPES).optional(),
  position: z.number().optional(),
  segments: z.array(z.tuple([z.number(), z.number()])).optional(),
  playedSinceLast: z.number().optional(),
  elapsedMsSinceLast: z.number().optional(),
  deviceTime: z.string().optional(),
  deviceId: z.string().optional(),
  seq: z.number().optional(),
  /** Not part of the event contract: a forger adds it hoping the server reads it. */
  participantId: z.string().optional(),
});
export type EventOverrides = z.infer<typeof eventOverrides>;

/** Actions, keyed by their `do` value. */
export const ACTION_SCHEMAS = {
  /** Opens `path`, or `/c/<course>/<lesson>`, or `/c/<course>`; `query` is appended as is. */
  open: action('open', {
    path: path.optional(),
    lesson: lessonId.optional(),
    query: z.string().max(2000).optional(),
    /** What to wait for: the player mounted (default), the page's course root, or nothing. */
    waitFor: z.enum(['player', 'page', 'none']).default('player'),
  }),
  /** Starts playback and waits until the media advanced `seconds` (or that much wall time). */
  play: action('play', {
    seconds,
    keepPlaying: z.boolean().default(false),
    measure: z.enum(['media', 'wall']).default('media'),
    via: z.enum(['control', 'api']).default('control'),
  }),
  pause: action('pause', { via: z.enum(['control', 'api']).default('control') }),
  wait: action('wait', { seconds }),
  /**
   * Attempts a seek. element: `video.currentTime = to` from a page script; native: the
   * HTMLMediaElement prototype's own setter (what an extension's isolated world reaches);
   * videojs: `player.currentTime(to)`; fastSeek: `video.fastSeek(to)`.
   */
  seek: action('seek', {
    to: z.number(),
    via: z.enum(['element', 'native', 'videojs', 'fastSeek']).default('element'),
  }),
  /** Attempts a playback rate, the same ways as `seek`, or `defaultPlaybackRate`, or the menu. */
  rate: action('rate', {
    to: z.number(),
    via: z
      .enum(['element', 'native', 'videojs', 'default', 'nativeDefault', 'menu'])
      .default('element'),
  }),
  /** Focuses `on` (default: the player) and presses each key, e.g. "ArrowRight", "End", "7". */
  press: action('press', {
    keys: z.array(z.string().min(1).max(40)).min(1).max(50),
    on: selector.optional(),
  }),
  /** Clicks the seek bar at a share of its width (0 = start, 1 = end). */
  clickSeekBar: action('clickSeekBar', { at: share }),
  /** Drags the seek bar's handle with the mouse from one share of its width to another. */
  dragSeekBar: action('dragSeekBar', { from: share, to: share }),
  /** Taps the seek bar with a touch point (touch events, as on a phone). */
  tapSeekBar: action('tapSeekBar', { at: share }),
  /** Clicks an element: a locked outline entry, or the video with the right button. */
  click: action('click', {
    selector,
    button: z.enum(['left', 'right']).default('left'),
    /** Point inside the element as shares of its size; default its centre. */
    at: z.strictObject({ x: share, y: share }).optional(),
  }),
  /** Runs `script` in the page as the body of an async function; its return value is logged. */
  evaluate: action('evaluate', { script: z.string().min(1).max(20_000) }),
  /** Calls the page's Media Session handler, as a lock screen, headset or PiP window would. */
  mediaSession: action('mediaSession', {
    action: z.enum(MEDIA_SESSION_ACTIONS),
    seekTime: z.number().optional(),
    seekOffset: z.number().optional(),
  }),
  offline: action('offline', {}),
  online: action('online', {}),
  reload: action('reload', { waitFor: z.enum(['player', 'page', 'none']).default('player') }),
  /** Closes the browser and starts it again on the same profile, reopening the current page. */
  restartBrowser: action('restartBrowser', {
    waitFor: z.enum(['player', 'page', 'none']).default('player'),
  }),
  /** Opens a second tab (on `path`, or on the current tab's address) and makes it current. */
  newTab: action('newTab', {
    path: path.optional(),
    lesson: lessonId.optional(),
    waitFor: z.enum(['player', 'page', 'none']).default('player'),
  }),
  switchTab: action('switchTab', { index: z.int().min(0).max(9) }),
  /** Moves the device clock (`Date`) of every tab; monotonic time is untouched, as on a device. */
  shiftClock: action('shiftClock', {
    hours: z
      .number()
      .min(-720)
      .max(720)
      .refine((h) => h !== 0, 'nonzero'),
  }),
  /** Waits until the page's outbox is empty and the sync pill says synced. */
  waitForSync: action('waitForSync', {
    timeoutSeconds: z.number().positive().max(120).default(30),
  }),
  /** A second participant, with its own server session, to forge requests for or against. */
  newParticipant: action('newParticipant', { name: who }),
  /**
   * A request from inside the page, with a participant's token. `events` are completed from
   * the page's own device (id, deviceId, seq, deviceTime, course) unless given.
   */
  api: action('api', {
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST'),
    path,
    headers: z.record(z.string(), z.string()).optional(),
    body: z.unknown().optional(),
    events: z.array(eventOverrides).min(1).max(100).optional(),
    /** Whose token: the page's participant (default), a named participant, or none. */
    as: who.default('page'),
  }),
  /** Sends the page's own stored events again, changed or not, to POST /api/v1/events. */
  replayEvents: action('replayEvents', {
    lesson: lessonId.optional(),
    type: z.enum(LESSON_EVENT_TYPES).optional(),
    last: z.int().min(1).max(100).optional(),
    change: eventOverrides.optional(),
    /** Give each replayed event a fresh id (a new request, not a retry). */
    newIds: z.boolean().default(false),
    as: who.default('page'),
  }),
  /** Edits the lesson's row in IndexedDB `progress` directly; `completedAt: "now"` marks it done. */
  editProgress: action('editProgress', {
    lesson: lessonId,
    set: z.strictObject({
      segments: z.array(z.tuple([z.number(), z.number()])).optional(),
      frontier: z.number().optional(),
      position: z.number().optional(),
      completedAt: z.union([z.string(), z.null()]).optional(),
    }),
  }),
  /** Edits stored events in IndexedDB `events` (by default the pending ones: the outbox). */
  editEvents: action('editEvents', {
    lesson: lessonId.optional(),
    type: z.enum(LESSON_EVENT_TYPES).optional(),
    delivery: z.enum(['pending', 'delivered', 'invalid', 'any']).default('pending'),
    set: eventOverrides,
  }),
  screenshot: action('screenshot', { name: z.string().regex(/^[\w.-]{1,60}$/, 'fileName') }),
} as const;

/** How long an expectation may take to come true, and how long it must then keep holding. */
const timing = {
  note,
  within: seconds.optional(),
  holdFor: seconds.optional(),
};
const expectation = <E extends string, S extends z.ZodRawShape>(name: E, shape: S) =>
  z.strictObject({ expect: z.literal(name), ...timing, ...shape });

/** An absolute limit, or one relative to what the script's last `play` step played. */
const limit = { value: z.number().min(0).optional(), overPlayed: z.number().min(0).optional() };
const hasLimit = (step: { value?: number | undefined; overPlayed?: number | undefined }) =>
  (step.value === undefined) !== (step.overPlayed === undefined);
const limitMessage = { message: 'give exactly one of value and overPlayed' };

/** Expectations, keyed by their `expect` value. */
export const EXPECTATION_SCHEMAS = {
  /**
   * The media position (the element's own clock and `data-position`) is at most `value`, or at
   * most `overPlayed` seconds beyond what the last `play` step legitimately reached.
   */
  positionAtMost: expectation('positionAtMost', limit).refine(hasLimit, limitMessage),
  /** The player's `data-frontier` is at most `value`, or `overPlayed` past the last play. */
  frontierAtMost: expectation('frontierAtMost', limit).refine(hasLimit, limitMessage),
  /** Media advanced no faster than `value` x wall time over `over` seconds, and the rate reads <= value. */
  rateAtMost: expectation('rateAtMost', {
    value: z.number().positive(),
    over: z.number().min(0.5).max(60).default(2),
  }),
  lessonState: expectation('lessonState', { lesson: lessonId, state: z.enum(LESSON_STATES) }),
  /** The outline's `aria-current="step"` entry. */
  openLesson: expectation('openLesson', { lesson: lessonId }),
  syncState: expectation('syncState', { state: z.enum(SYNC_STATES) }),
  /** The notice bar shows (or showed since the previous notice expectation) this notice. */
  notice: expectation('notice', { key: z.string().min(1).max(60) }),
  /** What GET /api/v1/progress says for the lesson, for the page's participant or a named one. */
  serverProgress: expectation('serverProgress', {
    lesson: lessonId,
    completed: z.boolean().optional(),
    coverageAtMost: share.optional(),
    watchedSecondsAtMost: z.number().min(0).optional(),
    watchedSecondsAtLeast: z.number().min(0).optional(),
    /** The recorded completion time is within this many minutes of the runner's real clock. */
    completedWithinMinutes: z.number().positive().optional(),
    as: who.default('page'),
  }),
  /**
   * The server credited no more media, over the whole course, than real time allows: the
   * server's pace allowance (1x plus 5 % and 2 s) over the seconds since the participant's
   * session began (the script's first `open`, or `newParticipant`) plus `slackSeconds` (a
   * launch token's `iat` is in whole seconds). Whatever a device claims, no one can watch
   * faster than time passes.
   */
  serverCreditWithinRealTime: expectation('serverCreditWithinRealTime', {
    slackSeconds: z.number().min(0).max(60).default(1),
    as: who.default('page'),
  }),
  /** The last `api` or `replayEvents` answer: its HTTP status and/or every event's result. */
  apiStatus: expectation('apiStatus', {
    status: z.union([z.int(), z.array(z.int()).min(1)]).optional(),
    results: z.array(z.enum(DELIVERY_STATUSES)).min(1).optional(),
  }),
  /** The page's outbox: events still pending, events the server refused and set aside. */
  outbox: expectation('outbox', {
    pendingAtMost: z.int().min(0).optional(),
    invalidAtLeast: z.int().min(0).optional(),
  }),
  /** The address bar matches this regular expression. */
  url: expectation('url', { matches: z.string().min(1) }),
  /** `script` (an async function body run in the page) returns true. */
  pageCheck: expectation('pageCheck', {
    script: z.string().min(1).max(20_000),
    description: z.string().optional(),
  }),
} as const;

export type ActionName = keyof typeof ACTION_SCHEMAS;
export type ExpectationName = keyof typeof EXPECTATION_SCHEMAS;
export type Action = z.output<(typeof ACTION_SCHEMAS)[ActionName]>;
export type Expectation = z.output<(typeof EXPECTATION_SCHEMAS)[ExpectationName]>;
export type Step = Action | Expectation;
export type ActionOf<N extends ActionName> = z.output<(typeof ACTION_SCHEMAS)[N]>;
export type ExpectationOf<N extends ExpectationName> = z.output<(typeof EXPECTATION_SCHEMAS)[N]>;

/** A script's fields other than its steps; steps are validated one by one (see parse-script). */
export const scriptHeaderSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** What the attacker (or participant) does, in a sentence or two. */
  attack: z.string().trim().min(1).max(2000),
  /** What must happen instead, and which part of the product makes it so. */
  expected: z.string().trim().min(1).max(2000),
  course: lessonId.default('sample'),
  /** Whether the attack can be run for real in headless Chromium or is emulated (see docs). */
  fidelity: z.enum(['real', 'emulated']).default('real'),
  tags: z.array(z.string().min(1).max(40)).max(20).optional(),
  /** The whole script's time limit. */
  timeoutSeconds: z.number().positive().max(900).default(120),
  /** With `--embed-url`: `skip` says why this attack has no meaning inside an embedding page. */
  embed: z.strictObject({ skip: z.string().trim().min(10).max(500) }).optional(),
  steps: z.array(z.unknown()).min(1).max(300),
});

export type ScriptHeader = z.output<typeof scriptHeaderSchema>;
export interface Script extends Omit<ScriptHeader, 'steps'> {
  steps: Step[];
}

/** A file holds one script, or a family of them: `{ "family": ..., "scripts": [...] }`. */
export const familyHeaderSchema = z.strictObject({
  family: z.string().trim().min(1).max(200),
  description: z.string().max(4000).optional(),
  scripts: z.array(z.unknown()).min(1).max(200),
});

export function isExpectation(step: Step): step is Expectation {
  return 'expect' in step;
}
