import videojs from 'video.js';
import { ALLOWED_RATES } from '../domain/rate-policy.ts';
import { installCalmCueClock } from './calm-cue-clock.ts';
import { installCalmSeekBar } from './calm-seek-bar.ts';
import { VHS_OPTIONS } from './load-hls-engine.ts';
import type { LessonMedia } from './lesson-media.ts';
import { VIDEO_JS_INDONESIAN } from './player-language.ts';

export type VideoJsPlayer = ReturnType<typeof videojs>;

/** Arrow keys anywhere on the player step this far; the gate decides where a step may land. */
const ARROW_STEP_SECONDS = 5;

let indonesianAdded = false;

/**
 * video.js hotkeys: its own (f fullscreen, m mute, k/space play-pause) plus arrow-key steps.
 * A step is `player.currentTime(t)`, so it meets the seek middleware and the gate.
 */
function hotkeys(this: VideoJsPlayer, event: KeyboardEvent): void {
  if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? ARROW_STEP_SECONDS : -ARROW_STEP_SECONDS;
    this.currentTime((this.currentTime() ?? 0) + step);
    return;
  }
  this.handleHotkeys(event);
}

/**
 * Mounts video.js on `video` with the lesson's controls: rates 0.5/0.75/1 only, a captions
 * menu, no Picture-in-Picture button, hotkeys on, labels in the participant's language.
 * Resolves when the tech is ready; the caller installs its guards before giving it a source.
 */
export function mountVideoJs(
  video: HTMLVideoElement,
  media: LessonMedia,
  language: 'id' | 'en',
): Promise<VideoJsPlayer> {
  if (!indonesianAdded) {
    videojs.addLanguage('id', VIDEO_JS_INDONESIAN);
    indonesianAdded = true;
  }
  installCalmSeekBar();
  installCalmCueClock();
  video.className = 'video-js vjs-big-play-centered runtut-player';
  video.setAttribute('playsinline', '');
  const player = videojs(video, {
    controls: true,
    preload: 'metadata',
    fluid: true,
    language,
    poster: media.poster,
    techOrder: ['html5'],
    playbackRates: [...ALLOWED_RATES],
    disablePictureInPicture: true,
    enableDocumentPictureInPicture: false,
    userActions: { hotkeys, doubleClick: true },
    controlBar: { pictureInPictureToggle: false },
    // Overriding native HLS needs the native track lists off too (VHS docs).
    html5: { vhs: VHS_OPTIONS, nativeAudioTracks: false, nativeVideoTracks: false },
  });
  return new Promise((resolve) => {
    player.ready(() => {
      for (const track of media.captions) {
        // Kept across source changes (a restored source must keep its captions).
        player.addRemoteTextTrack({ kind: 'captions', ...track }, true);
      }
      resolve(player);
    });
  });
}

/**
 * Labels video.js writes once at creation and does not redo on `languagechange` (buttons and
 * menus relabel themselves): the sliders' names and the time displays' screen-reader text.
 */
export function relabelStaticControls(player: VideoJsPlayer): void {
  const root = player.el();
  const label = (selector: string, text: string) => {
    root.querySelector(selector)?.setAttribute('aria-label', player.localize(text));
  };
  const speak = (selector: string, text: string) => {
    const span = root.querySelector(`${selector} .vjs-control-text`);
    if (span) span.textContent = `${player.localize(text)}\u00a0`;
  };
  label('.vjs-progress-holder', 'Progress Bar');
  label('.vjs-volume-bar', 'Volume Level');
  speak('.vjs-current-time', 'Current Time');
  speak('.vjs-duration', 'Duration');
  speak('.vjs-remaining-time', 'Remaining Time');
}
