/** A mistake in how the command was called: printed with a hint to --help, exit code 2. */
export class UsageError extends Error {}

/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** The work failed: invalid input, an invalid course, an ffmpeg error. */
  failed: 1,
  /** Unknown command or option, missing argument. */
  usage: 2,
  /** ffmpeg / ffprobe is not installed. */
  toolMissing: 3,
} as const;
