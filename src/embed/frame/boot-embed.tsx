import { createRoot } from 'react-dom/client';
import { readyPayload } from '../../domain/embed-protocol.ts';
import { bootRuntut } from '../../ui/boot.tsx';
import { checkEmbedding, type EmbedCheck } from './embed-check.ts';
import { EMBED_MESSAGES } from './embed-messages.ts';
import { parentOrigin, readEmbedLaunch } from './embed-route.ts';
import { openFrameChannel } from './frame-channel.ts';
import { createFrameEvents } from './frame-events.ts';
import { frameMethods } from './frame-methods.ts';
import { followContentHeight } from './follow-height.ts';

/**
 * `src/embed/frame/` — the player inside a provider's `<iframe>` (issue 10): it reads the launch
 * from the fragment, lets the server decide whether the framing site may show this course, then
 * runs the ordinary page (same rules, same QA contract) and speaks the message protocol with
 * its parent only.
 */
export async function bootEmbeddedPlayer(root: HTMLElement): Promise<void> {
  const launch = readEmbedLaunch(window.location, window.history);
  const origin = parentOrigin(window);
  const check: EmbedCheck | { ok: false; reason: 'not-framed' } = origin
    ? await checkEmbedding(launch.route.courseId, origin, launch.token)
    : { ok: false, reason: 'not-framed' };
  if (!check.ok || !origin) {
    const reason = check.ok ? 'not-framed' : check.reason;
    createRoot(root).render(<Refusal reason={reason} origin={origin ?? ''} />);
    return;
  }

  const events = createFrameEvents();
  const running = await bootRuntut(root, {
    route: launch.route,
    launchToken: launch.token,
    language: launch.language,
    onServerLessons: events.onServerLessons,
  });
  const channel = openFrameChannel({
    hostOrigin: origin,
    allowedOrigins: check.origins,
    handle: frameMethods(running, events.confirmed),
  });
  events.attach(running, channel);
  followContentHeight(root, (height) => channel.emit('resize', { height }));
  const state = running.store.getState();
  if (state.course.status !== 'ready') {
    channel.emit('error', { code: 'course-unavailable', message: state.course.status });
    return;
  }
  channel.emit('ready', readyPayload(state.courseId, state.openLessonId));
  if (state.storageHealth === 'unavailable')
    channel.emit('error', {
      code: 'storage-unavailable',
      message: 'progress is kept only while online',
    });
}

function Refusal({ reason, origin }: { reason: string; origin: string }) {
  return (
    <div className="embed-refusal" role="alert" data-embed-refused={reason}>
      {(['id', 'en'] as const).map((language) => {
        const t = EMBED_MESSAGES[language];
        const text =
          reason === 'origin-not-allowed'
            ? t.originNotAllowed(origin)
            : reason === 'token-refused'
              ? t.tokenRefused
              : reason === 'course-unknown'
                ? t.courseUnknown
                : reason === 'not-framed'
                  ? t.notFramed
                  : t.checkFailed;
        return (
          <section key={language} lang={language}>
            <h1>{t.refusedTitle}</h1>
            <p>{text}</p>
          </section>
        );
      })}
    </div>
  );
}
