import type { Script, Step } from './script-schema.ts';

/**
 * What a script cannot mean inside an embedding page (`--embed-url`), and why. Kept to the
 * minimum: everything else runs against the player frame as it does against the player's own
 * page. A skipped step is reported as skipped, with the reason, never as passed.
 *
 * - `expect url`: the address a script checks is the player page's own. An embedded player has
 *   none the participant sees: the address bar is the provider's page, and the frame does not
 *   move its address with the open lesson. The open lesson itself is checked by `openLesson`.
 * - A script marked `embed: { skip }` in the catalog, for an attack on something the embedded
 *   player does not have (its own browser history): the reason is the script's.
 * - An embedding page that cannot be loaded with the network cut (`SkipInEmbed`, thrown by
 *   `embeddingPageLoads`): the player's offline copy is in the frame, but the provider's page
 *   around it has none, so nothing after that reload or restart can run. The rest of the script
 *   is skipped, and the script reported as skipped.
 */
export function embedSkipOf(script: Script, step: Step): string | undefined {
  if (script.embed?.skip) return `skipped in embed mode: ${script.embed.skip}`;
  if ('expect' in step && step.expect === 'url')
    return "skipped in embed mode: the embedded player has no address of its own (the address bar is the provider's page)";
  return undefined;
}

/** The rest of the script cannot run inside this embedding page; the message says why. */
export class SkipInEmbed extends Error {}

/** Runs a navigation of the embedding page, telling "it does not load offline" apart. */
export async function embeddingPageLoads<T>(embedded: boolean, navigate: () => Promise<T>) {
  try {
    return await navigate();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const offline = /net::ERR_INTERNET_DISCONNECTED/.exec(text);
    if (!embedded || !offline) throw error;
    throw new SkipInEmbed(
      'skipped in embed mode: the embedding page does not load with the network cut (net::ERR_INTERNET_DISCONNECTED); ' +
        "the player frame keeps its offline copy, but the provider's page around it has none, so the rest of this script cannot run inside it",
    );
  }
}
