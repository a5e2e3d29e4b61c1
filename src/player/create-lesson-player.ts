import 'video.js/dist/video-js.css';
import './lesson-player.css';
import type { Lesson } from '../domain/course-manifest.ts';
import { CREDIT_JITTER_TOLERANCE } from '../domain/playback-credit.ts';
import { furthestWatched, type Segment } from '../domain/played-segments.ts';
import { isAllowedRate } from '../domain/rate-policy.ts';
import { clampSeek, SEEK_FRONTIER_SLACK, type SeekContext } from '../domain/seek-policy.ts';
import { createCreditTracker } from './credit-tracker.ts';
import { formatApproxBytes } from './data-saver/format-size.ts';
import { createLessonQuality } from './data-saver/lesson-quality.ts';
import { guardElement } from './element-guards.ts';
import { attachFrontierBar } from './frontier-bar.ts';
import { loadHlsEngine } from './load-hls-engine.ts';
import { needsHlsEngine, resolveLessonMedia } from './lesson-media.ts';
import { installMediaSession } from './media-session.ts';
import { nativeMedia } from './native-media.ts';
import {
  HLS_ENGINE_FAILED,
  mediaErrorMessage,
  SOURCE_TAMPERING,
  type PlayerMessage,
} from './player-language.ts';
import { createRequestGate, type BlockedAttempt } from './request-gate.ts';
import { routeSeeksThroughGate } from './seek-middleware.ts';
import { keepPlayingThroughSignalLoss } from './signal/keep-playing.ts';
import { guardSource } from './source-guard.ts';
import { mountVideoJs, relabelStaticControls } from './video-js-player.ts';

export type { BlockedAttempt } from './request-gate.ts';

export interface PlayerProgress {
  /** All merged played segments for this lesson (credited only), initial ones included. */
  segments: Segment[];
  position: number;
  /** Seek limit: max(furthestWatched(initial.segments), furthestWatched(segments)). */
  frontier: number;
  playing: boolean;
  reason: 'tick' | 'pause' | 'ended' | 'seeked' | 'hidden' | 'rate';
}

export interface LessonPlayerOptions {
  /** The player creates exactly one `<video>` inside it. */
  container: HTMLElement;
  lesson: Lesson;
  /** The manifest URL: lesson sources and captions are relative to it. */
  baseUrl: string;
  initial: { segments: Segment[]; position: number; completed: boolean };
  /** Pause when the page is hidden, and credit nothing while it is. */
  pauseWhenHidden: boolean;
  language: 'id' | 'en';
  /** Every credited change, and at once on pause, ended, hidden, seeked and rate change. */
  onProgress(progress: PlayerProgress): void;
  onBlocked(attempt: BlockedAttempt): void;
  onError(message: PlayerMessage): void;
}

export interface LessonPlayer {
  /** The lesson is complete: seeking is free within [0, duration] from now on. */
  markCompleted(): void;
  setLanguage(lang: 'id' | 'en'): void;
  dispose(): void;
}

/** Guards that cannot be events (rates re-applied by extensions, source swaps) run this often. */
const WATCHDOG_MS = 100;
/** Samples come from `timeupdate` (~4/s); the watchdog adds one when none came for this long. */
const SAMPLE_GAP_MS = 200;
/**
 * Playing past the frontier by more than this without being credited means a jump that no
 * `seeking` guard saw (a listener stopped by a capture-phase handler, detached play): pull back.
 */
const PULL_BACK_MARGIN = SEEK_FRONTIER_SLACK + CREDIT_JITTER_TOLERANCE;
/** Position-only progress (re-watching credited parts) is reported every this many seconds. */
const POSITION_REPORT_STEP = 0.5;
/** More foreign sources than this in a minute: stop fighting, credit nothing, tell the UI. */
const MAX_RESTORES_PER_MINUTE = 5;
/** The monotonic clock, taken before any later script can replace `performance.now`. */
const now: () => number = performance.now.bind(performance);

/**
 * The enforcing lesson player: video.js (core build) with every seek and rate request going
 * through one gate, the `<video>` element guarded against scripts, and credit given only for
 * media really played at 1x or slower on a visible page.
 */
export async function createLessonPlayer(options: LessonPlayerOptions): Promise<LessonPlayer> {
  const { container, lesson } = options;
  const media = resolveLessonMedia(lesson, options.baseUrl, document.baseURI);
  const video = document.createElement('video');
  if (needsHlsEngine(media)) {
    await loadHlsEngine().catch(() => options.onError(HLS_ENGINE_FAILED));
  }
  container.append(video);
  const player = await mountVideoJs(video, media, options.language);
  const el = player.tech(true).el() as HTMLVideoElement;

  let completed = options.initial.completed;
  let disposed = false;
  const pageVisible = () => document.visibilityState === 'visible';
  const duration = () => {
    const value = nativeMedia.duration(el);
    return Number.isFinite(value) && value > 0 ? value : lesson.durationSeconds;
  };
  const isPlaying = () => !nativeMedia.paused(el) && !nativeMedia.ended(el);

  const source = guardSource(el, {
    isOwnUrl: (url) =>
      media.sources.some((s) => s.src === url) ||
      (url.startsWith('blob:') && 'vhs' in player.tech(true)),
    onForeign: () => restoreOwnSource(),
    onOwnLoaded: () => {
      player.currentTime(resumeAt);
      updateDom();
      if (resumePlaying) void player.play()?.catch(() => {});
      resumePlaying = false;
    },
  });

  const tracker = createCreditTracker({
    initialSegments: options.initial.segments,
    requireVisible: options.pauseWhenHidden,
    now,
    pageVisible,
    read: () => {
      const rate = nativeMedia.rate(el);
      return {
        position: nativeMedia.position(el),
        playing: isPlaying(),
        rate,
        trustworthy:
          source.trusted() &&
          container.contains(el) &&
          !nativeMedia.seeking(el) &&
          isAllowedRate(rate),
      };
    },
  });

  const currentContext = (): SeekContext => ({
    frontier: tracker.frontier(),
    completed,
    duration: duration(),
  });
  const gate = createRequestGate({
    now,
    onBlocked: (attempt) => options.onBlocked(attempt),
    // Credit what was really played up to this instant before judging a request.
    seekContext: () => {
      tracker.sample();
      return currentContext();
    },
  });

  let resumeAt = clampSeek(options.initial.position, {
    frontier: furthestWatched(options.initial.segments),
    completed,
    duration: lesson.durationSeconds,
  });
  let lastTrustedPosition = resumeAt;
  /** Play again once the own source is back (after a lost signal or a quality change). */
  let resumePlaying = false;
  let lastReportedPosition = Number.NaN;
  let lastSampleAt = Number.NEGATIVE_INFINITY;
  const restores: number[] = [];

  const frontierBar = attachFrontierBar(player);
  const quality = createLessonQuality({
    player,
    el,
    container,
    lesson,
    language: options.language,
    formatBytes: formatApproxBytes,
    switchSource: () => reloadOwnSource(isPlaying()),
  });
  const signal = keepPlayingThroughSignalLoss({
    player,
    el,
    container,
    probeUrl: media.sources[0]?.src ?? '',
    language: options.language,
    now,
    reload: reloadOwnSource,
    isDisposed: () => disposed,
  });
  const session = installMediaSession(lessonTitle(lesson, options.language), {
    seek: (target) => player.currentTime(target),
    position: () => nativeMedia.position(el),
    play: () => void player.play()?.catch(() => {}),
    pause: () => player.pause(),
  });

  function updateDom(): void {
    const frontier = tracker.frontier();
    container.dataset.frontier = frontier.toFixed(1);
    container.dataset.position = nativeMedia.position(el).toFixed(1);
    frontierBar.update(frontier, duration(), completed, isPlaying());
  }

  function report(reason: PlayerProgress['reason']): void {
    if (disposed) return;
    const position = nativeMedia.position(el);
    lastReportedPosition = position;
    updateDom();
    session.updatePosition({ duration: duration(), position, playbackRate: nativeMedia.rate(el) });
    options.onProgress({
      segments: tracker.segments(),
      position,
      frontier: tracker.frontier(),
      playing: isPlaying(),
      reason,
    });
  }

  function rememberPosition(): void {
    if (source.trusted() && !nativeMedia.seeking(el))
      lastTrustedPosition = nativeMedia.position(el);
  }

  function sampleAndReport(): void {
    lastSampleAt = now();
    const changed = tracker.sample();
    rememberPosition();
    const moved = Math.abs(nativeMedia.position(el) - lastReportedPosition) >= POSITION_REPORT_STEP;
    if (changed || moved || Number.isNaN(lastReportedPosition)) report('tick');
  }

  function pullBackIfAhead(): void {
    if (completed || !source.trusted() || nativeMedia.seeking(el)) return;
    if (nativeMedia.position(el) <= tracker.frontier() + PULL_BACK_MARGIN) return;
    tracker.sample();
    const position = nativeMedia.position(el);
    if (position <= tracker.frontier() + PULL_BACK_MARGIN) return;
    tracker.reset();
    nativeMedia.setPosition(el, gate.seek(position));
  }

  function loadOwnSource(): void {
    source.expectOwnLoad();
    player.src(quality.orderSources(media.sources));
  }

  /** The same source (or another rung of it) again, from where trusted playback stopped. */
  function reloadOwnSource(resume: boolean): void {
    tracker.sample(true);
    tracker.reset();
    rememberPosition();
    resumeAt = clampSeek(lastTrustedPosition, currentContext());
    resumePlaying = resume;
    loadOwnSource();
  }

  function restoreOwnSource(): void {
    tracker.reset();
    const at = now();
    restores.push(at);
    while ((restores[0] ?? at) < at - 60_000) restores.shift();
    if (restores.length > MAX_RESTORES_PER_MINUTE) {
      options.onError(SOURCE_TAMPERING);
      return;
    }
    resumeAt = clampSeek(lastTrustedPosition, currentContext());
    player.pause();
    if (nativeMedia.srcObject(el) !== null) nativeMedia.clearSrcObject(el);
    loadOwnSource();
  }

  const breakChain = () => {
    tracker.sample();
    tracker.reset();
  };
  const mediaListeners: [string, () => void][] = [
    ['timeupdate', sampleAndReport],
    [
      'play',
      () => {
        if (options.pauseWhenHidden && !pageVisible()) player.pause();
        tracker.sample();
      },
    ],
    ['playing', () => tracker.sample()],
    ['pause', () => (tracker.sample(true), report('pause'))],
    // `ended` only closes the run: completion is decided from the segments, never from this.
    ['ended', () => (tracker.sample(true), report('ended'))],
    ['seeked', () => (tracker.reset(), tracker.sample(), rememberPosition(), report('seeked'))],
    ['waiting', breakChain],
    ['stalled', breakChain],
  ];
  const guards = guardElement(el, {
    gate,
    onDiscontinuity: () => tracker.reset(),
    onRateApplied: () => report('rate'),
    onSourceAttributeChanged: () => source.check(),
  });
  for (const [type, listener] of mediaListeners) el.addEventListener(type, listener);
  const unroute = routeSeeksThroughGate(player, gate);

  const onVisibilityChange = () => {
    breakChain();
    if (pageVisible()) return;
    if (options.pauseWhenHidden) player.pause();
    report('hidden');
  };
  document.addEventListener('visibilitychange', onVisibilityChange);

  const onError = () => options.onError(mediaErrorMessage(player.error()?.code));
  player.on('error', onError);

  const watchdog = window.setInterval(() => {
    guards.enforceRates();
    source.check();
    // Taken out of the player (removed, moved into another window): nobody is watching it.
    if (!container.contains(el) && isPlaying()) player.pause();
    if (isPlaying() && now() - lastSampleAt >= SAMPLE_GAP_MS) sampleAndReport();
    pullBackIfAhead();
  }, WATCHDOG_MS);

  loadOwnSource();
  updateDom();

  return {
    markCompleted() {
      completed = true;
      updateDom();
    },
    setLanguage(lang) {
      player.language(lang);
      relabelStaticControls(player);
      quality.setLanguage(lang);
      signal.setLanguage(lang);
    },
    dispose() {
      if (disposed) return;
      if (isPlaying()) {
        tracker.sample(true);
        report('pause');
      }
      disposed = true;
      window.clearInterval(watchdog);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      for (const [type, listener] of mediaListeners) el.removeEventListener(type, listener);
      guards.dispose();
      source.dispose();
      session.dispose();
      unroute();
      frontierBar.dispose();
      signal.dispose();
      quality.dispose();
      player.off('error', onError);
      player.dispose();
      delete container.dataset.frontier;
      delete container.dataset.position;
    },
  };
}

function lessonTitle(lesson: Lesson, language: 'id' | 'en'): string {
  const { title } = lesson;
  return typeof title === 'string' ? title : language === 'en' ? (title.en ?? title.id) : title.id;
}
