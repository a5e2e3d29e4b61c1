import { embedAddress } from './embed-address.ts';
import { probe, type StoredIdentity } from './page-probe.ts';
import { embeddedSurface } from './player-surface.ts';
import { poll, waitUntilReady, type Participant, type RunContext } from './run-context.ts';

/**
 * `newParticipant` with `--embed-url`. A provider's server hands out no demo sessions: its
 * participants get their token from the provider's own site. So another participant is made
 * the way a provider makes one: the embedding page is opened for a fresh `{participant}` in a
 * browser of its own, and the token its frame was launched with is read from the frame's store.
 */
export async function embedParticipant(ctx: RunContext, name: string): Promise<Participant> {
  const embed = ctx.embed;
  if (!embed) throw new Error('not in embed mode');
  if (!embed.template.includes('{participant}'))
    throw new Error(
      'newParticipant needs a {participant} placeholder in --embed-url: the embedding page decides who the participant is',
    );
  const since = Date.now();
  const participant = `${embed.participant}-${name}`;
  return ctx.session.withOtherBrowser(async (page) => {
    await page.goto(embedAddress(embed.template, { course: ctx.script.course, participant }));
    const { target } = await embeddedSurface(page, embed.runtutOrigin);
    await waitUntilReady(target, 'page');
    // The frame stores its identity once its storage is open, a moment after the outline shows.
    const { value } = await poll(
      () => probe<StoredIdentity>(target, 'identity'),
      (stored) => Boolean(stored.identity?.token),
      15_000,
      200,
    );
    const identity = value?.identity;
    if (!identity?.token)
      throw new Error(`the embedding page launched ${participant}, but its frame stored no token`);
    return { token: identity.token, participantId: identity.participantId, since };
  });
}
