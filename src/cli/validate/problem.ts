/** One thing wrong with a course folder: the file it is about and the manifest field. */
export interface Problem {
  /** Path relative to the course folder ("course.json", "media/tabungan/240p/seg-003.ts"). */
  file: string;
  /** Manifest field, e.g. "lessons[2].sources[0].renditions[0].files[3].bytes". */
  field: string;
  message: string;
}

export const formatProblem = (problem: Problem) =>
  `${problem.file}: ${problem.field}: ${problem.message}`;

/** Durations may differ this much from what ffprobe measures (browsers round similarly). */
export const DURATION_TOLERANCE_SECONDS = 0.5;
/** A rung's measured bitrate may differ this much from its declared BANDWIDTH. */
export const BITRATE_TOLERANCE = 0.25;

export const withinShare = (actual: number, declared: number, share: number) =>
  declared > 0 && Math.abs(actual - declared) <= declared * share;
