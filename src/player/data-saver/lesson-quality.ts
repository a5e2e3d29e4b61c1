import videojs from 'video.js';
import type { Lesson } from '../../domain/course-manifest.ts';
import {
  choiceForHeight,
  estimateRungBytes,
  lessonRungs,
  pickRung,
  SAVER_FORWARD_BUFFER_SECONDS,
  shortForwardBuffer,
  type QualityChoice,
  type Rung,
} from '../../domain/data-saver.ts';
import { SIGNAL_MESSAGES, type SignalLanguage } from '../signal/signal-messages.ts';
import { attachQualityMenu } from './quality-menu.ts';
import { browserAsksToSaveData, readQualityChoice, saveQualityChoice } from './quality-choice.ts';

type VideoJsPlayer = ReturnType<typeof videojs>;

interface Representation {
  height?: number;
  bandwidth?: number;
  enabled(value?: boolean): boolean;
}
interface VhsGlobals {
  GOAL_BUFFER_LENGTH: number;
  MAX_GOAL_BUFFER_LENGTH: number;
}
/** VHS's defaults (30 s growing to 60 s), restored when data saver is off. */
const VHS_DEFAULT_BUFFER = { GOAL_BUFFER_LENGTH: 30, MAX_GOAL_BUFFER_LENGTH: 60 };

export interface LessonQualityOptions {
  player: VideoJsPlayer;
  el: HTMLVideoElement;
  container: HTMLElement;
  lesson: Lesson;
  language: SignalLanguage;
  formatBytes(bytes: number, language: SignalLanguage): string;
  /** A progressive lesson changes quality by loading another file at the same position. */
  switchSource(): void;
}

/**
 * Data saver in the player: plays the rung the participant chose (the lowest by default),
 * keeps VHS's forward buffer short in data saver, offers the quality menu, and writes
 * `data-quality` = the height of the picture really playing.
 */
export function createLessonQuality(options: LessonQualityOptions) {
  const { player, el, container, lesson } = options;
  const manifestRungs = lessonRungs(lesson);
  let language = options.language;
  let choice: QualityChoice = readQualityChoice();

  const vhs = () =>
    (player.tech(true) as unknown as { vhs?: { representations?(): Representation[] } }).vhs;
  const representations = () => vhs()?.representations?.() ?? [];
  /** The manifest's ladder; for HLS without stated rungs, what the playlist itself offers. */
  function rungs(): Rung[] {
    if (manifestRungs.some((rung) => rung.height !== undefined)) return manifestRungs;
    const heights = [...new Set(representations().map((r) => r.height ?? 0))].filter((h) => h > 0);
    if (heights.length === 0) return manifestRungs;
    return heights
      .sort((a, b) => a - b)
      .map((height) => ({ height, bytes: undefined, bitrateKbps: undefined, sourceIndex: 0 }));
  }
  const chosenRung = () => pickRung(rungs(), choice);

  function applyForwardBuffer(): void {
    const globals = (videojs as unknown as { Vhs?: VhsGlobals }).Vhs;
    const target = shortForwardBuffer(choice, browserAsksToSaveData())
      ? {
          GOAL_BUFFER_LENGTH: SAVER_FORWARD_BUFFER_SECONDS,
          MAX_GOAL_BUFFER_LENGTH: SAVER_FORWARD_BUFFER_SECONDS,
        }
      : VHS_DEFAULT_BUFFER;
    if (globals && globals.GOAL_BUFFER_LENGTH !== target.GOAL_BUFFER_LENGTH)
      Object.assign(globals, target);
  }

  /** VHS may pick only the chosen rung (its ABR would climb as soon as the link allows). */
  function applyRendition(): void {
    const height = chosenRung()?.height;
    const reps = representations();
    if (height === undefined || reps.length < 2) return;
    if (!reps.some((rep) => rep.height === height)) return;
    for (const rep of reps) rep.enabled(rep.height === height);
  }

  function writeQuality(): void {
    const playing = el.videoHeight;
    const height = playing > 0 ? playing : chosenRung()?.height;
    if (height === undefined) delete container.dataset.quality;
    else container.dataset.quality = String(height);
  }

  function label(rung: Rung, lowest: boolean): string {
    const t = SIGNAL_MESSAGES[language];
    const parts = [`${rung.height ?? '?'}p`];
    if (lowest) parts.push(t.saver);
    const bytes = estimateRungBytes(rung, lesson.durationSeconds);
    if (bytes !== undefined) parts.push(options.formatBytes(bytes, language));
    return parts.join(' · ');
  }

  const menu = attachQualityMenu(player, {
    options: () =>
      rungs()
        .filter((rung) => rung.height !== undefined)
        .map((rung, index) => ({ height: rung.height ?? 0, label: label(rung, index === 0) })),
    selectedHeight: () => chosenRung()?.height,
    name: () => {
      const height = chosenRung()?.height;
      const t = SIGNAL_MESSAGES[language];
      return height === undefined ? t.quality : `${t.quality}: ${height}p`;
    },
    choose(height) {
      const before = chosenRung();
      choice = choiceForHeight(rungs(), height);
      saveQualityChoice(choice);
      applyForwardBuffer();
      const after = chosenRung();
      if (after && before && after.sourceIndex !== before.sourceIndex) options.switchSource();
      else applyRendition();
      menu.refresh();
      writeQuality();
    },
  });

  const onMetadata = () => {
    applyRendition();
    menu.refresh();
    writeQuality();
  };
  // The picture's size changes once a rung plays; by then an HLS playlist has told its rungs,
  // which the menu may not have known at `loadedmetadata`.
  const onResize = () => {
    writeQuality();
    menu.refresh();
  };
  el.addEventListener('loadedmetadata', onMetadata);
  el.addEventListener('resize', onResize);
  writeQuality();

  return {
    /** The lesson's sources, the chosen rung's file first (the others stay as fallbacks). */
    orderSources<T>(sources: readonly T[]): T[] {
      applyForwardBuffer();
      const first = chosenRung()?.sourceIndex ?? 0;
      const chosen = sources[first];
      return chosen === undefined
        ? [...sources]
        : [chosen, ...sources.filter((_, i) => i !== first)];
    },
    setLanguage(next: SignalLanguage) {
      language = next;
      menu.refresh();
    },
    dispose() {
      el.removeEventListener('loadedmetadata', onMetadata);
      el.removeEventListener('resize', onResize);
      menu.dispose();
      delete container.dataset.quality;
    },
  };
}
