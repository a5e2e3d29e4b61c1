/**
 * Dev and test harness: mounts the enforcing player for one lesson of a course manifest, as the
 * UI does, and records what the player reports so end-to-end tests can read it.
 *
 * Query: ?lesson=<id>&manifest=<url>&segments=0-5.2,8-9&position=3&completed=1&lang=en
 *        &keepPlayingWhenHidden=1&nativeHls=0 (pretend the browser has no native HLS).
 */
import { parseCourseManifest } from '../../../src/domain/course-manifest.ts';
import type { Segment } from '../../../src/domain/played-segments.ts';
import type {
  BlockedAttempt,
  LessonPlayer,
  PlayerProgress,
} from '../../../src/player/create-lesson-player.ts';

/** What a test reads in one round trip. `frontier` is the container's data-frontier. */
export interface HarnessSnapshot {
  position: number;
  frontier: number;
  paused: boolean;
  seeking: boolean;
  rate: number;
  defaultRate: number;
  currentSrc: string;
  hasSrcObject: boolean;
  blocked: number;
  progress: number;
}

export interface HarnessState {
  ready: boolean;
  snapshot(): HarnessSnapshot;
  /**
   * Milliseconds until the element is held at the frontier (not seeking, position at most
   * frontier + 0.3 s), polled every few ms; Infinity if that does not happen within `limitMs`.
   */
  heldWithin(limitMs: number): Promise<number>;
  progress: PlayerProgress[];
  blocked: BlockedAttempt[];
  errors: { id: string; en: string }[];
  /** Media Session handlers the player installed, captured for tests to invoke. */
  mediaSession: Record<string, MediaSessionActionHandler | null>;
  player?: LessonPlayer;
}

declare global {
  interface Window {
    __harness: HarnessState;
  }
}

const params = new URLSearchParams(location.search);
const video = () => document.querySelector('video');
const frontier = () => Number(document.getElementById('player')?.dataset.frontier ?? Number.NaN);
const state: HarnessState = {
  ready: false,
  progress: [],
  blocked: [],
  errors: [],
  mediaSession: {},
  snapshot() {
    const v = video();
    return {
      position: v?.currentTime ?? Number.NaN,
      frontier: frontier(),
      paused: v?.paused ?? true,
      seeking: v?.seeking ?? false,
      rate: v?.playbackRate ?? Number.NaN,
      defaultRate: v?.defaultPlaybackRate ?? Number.NaN,
      currentSrc: v?.currentSrc ?? '',
      hasSrcObject: Boolean(v?.srcObject),
      blocked: state.blocked.length,
      progress: state.progress.length,
    };
  },
  async heldWithin(limitMs) {
    const start = performance.now();
    for (;;) {
      const v = video();
      const elapsed = performance.now() - start;
      if (v && !v.seeking && v.currentTime <= frontier() + 0.3) return elapsed;
      if (elapsed > limitMs) return Number.POSITIVE_INFINITY;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  },
};
window.__harness = state;
const status = document.getElementById('status');

if (params.get('nativeHls') === '0') {
  const canPlayType = HTMLMediaElement.prototype.canPlayType;
  HTMLMediaElement.prototype.canPlayType = function (type: string) {
    return /mpegurl/i.test(type) ? '' : canPlayType.call(this, type);
  };
}

if (navigator.mediaSession) {
  const session = navigator.mediaSession;
  const setActionHandler = session.setActionHandler.bind(session);
  session.setActionHandler = (action, handler) => {
    state.mediaSession[action] = handler;
    setActionHandler(action, handler);
  };
}

function parseSegments(text: string | null): Segment[] {
  if (!text) return [];
  return text.split(',').map((pair): Segment => {
    const [start = 0, end = 0] = pair.split('-').map(Number);
    return [start, end];
  });
}

async function mount(): Promise<void> {
  const manifestUrl = params.get('manifest') ?? '/courses/sample/course.json';
  const response = await fetch(manifestUrl);
  const parsed = parseCourseManifest(await response.json());
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.en).join('; '));
  const lessonId = params.get('lesson') ?? parsed.manifest.lessons[0]?.id;
  const lesson = parsed.manifest.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new Error(`no lesson ${String(lessonId)}`);
  const language = params.get('lang') === 'en' ? 'en' : 'id';
  const container = document.getElementById('player');
  if (!container) throw new Error('no #player');

  const { createLessonPlayer } = await import('../../../src/player/create-lesson-player.ts');
  state.player = await createLessonPlayer({
    container,
    lesson,
    baseUrl: new URL(manifestUrl, location.href).href,
    initial: {
      segments: parseSegments(params.get('segments')),
      position: Number(params.get('position') ?? 0),
      completed: params.get('completed') === '1',
    },
    pauseWhenHidden: params.get('keepPlayingWhenHidden') !== '1',
    language,
    onProgress: (progress) => {
      state.progress.push(progress);
      if (state.progress.length > 500) state.progress.shift();
    },
    onBlocked: (attempt) => {
      state.blocked.push(attempt);
      if (status) {
        status.textContent =
          attempt.kind === 'seek'
            ? 'Bagian ini belum Anda tonton.'
            : 'Kecepatan putar hanya 0,5×, 0,75×, atau 1×.';
      }
    },
    onError: (message) => {
      state.errors.push(message);
      if (status) status.textContent = message[language];
    },
  });
  state.ready = true;
}

mount().catch((error: unknown) => {
  state.errors.push({ id: String(error), en: String(error) });
  if (status) status.textContent = String(error);
});
