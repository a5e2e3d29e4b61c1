import { isHlsType, type Lesson, type LessonSource } from './course-manifest.ts';

/**
 * Data saver: which quality a lesson plays at and what it will cost, from the manifest's facts
 * alone (nothing is fetched to know). On by default: the lowest rung, a short forward buffer.
 */

/** The participant's choice: data saver (the lowest rung), or a picture height such as 360. */
export type QualityChoice = 'saver' | number;

/** Seconds of media fetched ahead of the position in data saver (VHS's default is 30–60). */
export const SAVER_FORWARD_BUFFER_SECONDS = 15;

/** One quality a lesson can play at: an HLS rung, or one of several progressive files. */
export interface Rung {
  height: number | undefined;
  bytes: number | undefined;
  bitrateKbps: number | undefined;
  /** Index in `lesson.sources` of the file that plays this rung. */
  sourceIndex: number;
}

const byCost = (a: Rung, b: Rung) =>
  (a.height ?? Infinity) - (b.height ?? Infinity) ||
  (a.bytes ?? Infinity) - (b.bytes ?? Infinity) ||
  (a.bitrateKbps ?? Infinity) - (b.bitrateKbps ?? Infinity);

const progressive = (source: LessonSource) => !isHlsType(source.type);

/**
 * The lesson's ladder, lowest first. An HLS first source gives its `renditions` (or one rung of
 * unknown height); otherwise every progressive source is a rung.
 */
export function lessonRungs(lesson: Pick<Lesson, 'sources'>): Rung[] {
  const [first] = lesson.sources;
  if (first && isHlsType(first.type)) {
    const rungs = (first.renditions ?? []).map((rendition): Rung => ({
      height: rendition.height,
      bytes: rendition.bytes,
      bitrateKbps: rendition.bitrateKbps,
      sourceIndex: 0,
    }));
    if (rungs.length === 0) {
      rungs.push({
        height: undefined,
        bytes: undefined,
        bitrateKbps: first.bitrateKbps,
        sourceIndex: 0,
      });
    }
    return rungs.sort(byCost);
  }
  return lesson.sources
    .map((source, sourceIndex) => ({ source, sourceIndex }))
    .filter(({ source }) => progressive(source))
    .map(({ source, sourceIndex }): Rung => ({
      height: source.height,
      bytes: source.bytes,
      bitrateKbps: source.bitrateKbps,
      sourceIndex,
    }))
    .sort(byCost);
}

/**
 * The rung to play: the lowest in data saver; for a chosen height that rung, else the highest
 * below it, else the lowest. An empty ladder has no rung.
 */
export function pickRung(rungs: readonly Rung[], choice: QualityChoice): Rung | undefined {
  const lowest = rungs[0];
  if (choice === 'saver') return lowest;
  const exact = rungs.find((rung) => rung.height === choice);
  if (exact) return exact;
  const below = rungs.filter((rung) => rung.height !== undefined && rung.height < choice);
  return below.at(-1) ?? lowest;
}

/** Estimated bytes of a rung: its stated bytes, else bitrate × duration; unknown without facts. */
export function estimateRungBytes(
  rung: Rung | undefined,
  durationSeconds: number,
): number | undefined {
  if (!rung) return undefined;
  if (rung.bytes !== undefined) return rung.bytes;
  if (rung.bitrateKbps === undefined) return undefined;
  return Math.round((rung.bitrateKbps * 1000 * durationSeconds) / 8);
}

/** Estimated bytes of a lesson at the participant's choice. */
export function estimateLessonBytes(lesson: Lesson, choice: QualityChoice): number | undefined {
  return estimateRungBytes(pickRung(lessonRungs(lesson), choice), lesson.durationSeconds);
}

/** The choice to store when the participant picks `height`: the lowest rung means data saver. */
export function choiceForHeight(rungs: readonly Rung[], height: number): QualityChoice {
  return rungs[0]?.height === height ? 'saver' : height;
}

/**
 * Data saver (short buffer) is on unless the participant chose a higher rung; a browser that
 * asks to save data (`navigator.connection.saveData`) keeps the short buffer whatever the rung.
 */
export function shortForwardBuffer(choice: QualityChoice, saveData: boolean): boolean {
  return choice === 'saver' || saveData;
}

/** Parses a stored choice; anything unknown is data saver. */
export function parseQualityChoice(value: string | null | undefined): QualityChoice {
  const height = Number(value);
  return Number.isInteger(height) && height > 0 && height <= 4320 ? height : 'saver';
}
