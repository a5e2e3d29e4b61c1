import { probe } from '../media/media-tools.ts';

/** ffprobe durations, two at a time (the machine is shared); undefined when unreadable. */
export async function probeDurations(
  paths: readonly string[],
  parallel = 2,
): Promise<(number | undefined)[]> {
  const out: (number | undefined)[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      out[index] = await probe(paths[index]!).then(
        (result) => result.durationSeconds,
        () => undefined,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, paths.length) }, worker));
  return out;
}
