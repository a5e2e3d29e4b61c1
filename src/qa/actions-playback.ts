import { embeddingPageLoads } from './embed-skips.ts';
import { probe, readState, type PlayerTarget as Page } from './page-probe.ts';
import {
  addressOf,
  describeState,
  playerOf,
  playerTarget,
  poll,
  sleep,
  waitForPlayer,
  type RunContext,
} from './run-context.ts';
import type { PlayerSurface } from './player-surface.ts';
import type { ActionOf } from './script-schema.ts';

/** Actions a participant (or an attacker at the keyboard and mouse) takes on the player. */

export async function open(step: ActionOf<'open'>, ctx: RunContext): Promise<string> {
  const page = await ctx.session.page();
  const url = addressOf(ctx, step);
  ctx.noticeCursor = 0;
  ctx.firstOpenAt ??= Date.now();
  await embeddingPageLoads(Boolean(ctx.embed), () =>
    page.goto(url, { waitUntil: 'domcontentloaded' }),
  );
  const state = await waitForPlayer(ctx, page, step.waitFor);
  return `${url} → ${describeState(state)}`;
}

export async function play(step: ActionOf<'play'>, ctx: RunContext): Promise<string> {
  const page = await playerTarget(ctx);
  const before = await readState(page);
  if (before.position === null) throw new Error('there is no <video> to play');
  const target = before.position + step.seconds;
  // The page pauses itself at the target: a pause sent over the wire could arrive late. Set
  // before the press, since on a loaded machine the press alone can outlast a short target.
  if (!step.keepPlaying && step.measure === 'media') await probe(page, 'pauseAt', target);
  const how = before.paused
    ? await startPlayback(page, step.via, before.position)
    : 'already playing';
  let slowest = 0;
  if (step.measure === 'wall') {
    await sleep(step.seconds * 1000);
  } else if (step.seconds > 0) {
    let last = Date.now();
    const { value, held } = await poll(
      async () => {
        const state = await readState(page);
        slowest = Math.max(slowest, Date.now() - last);
        last = Date.now();
        return state;
      },
      (state) =>
        (state.position ?? 0) >= target - 0.05 ||
        state.ended === true ||
        (!step.keepPlaying && state.paused === true),
      step.seconds * 2000 + 15_000,
    );
    if (!held) {
      throw new Error(
        `playback did not advance ${step.seconds} s: ${before.position.toFixed(2)} → ${value?.position?.toFixed(2) ?? '?'}` +
          ` (paused: ${String(value?.paused)})`,
      );
    }
  }
  if (!step.keepPlaying) await pausePlayback(page, 'control');
  const after = await readState(page);
  ctx.lastPlay = {
    frontier: after.dataFrontier ?? after.position ?? 0,
    at: Date.now(),
    playing: step.keepPlaying,
  };
  const late =
    slowest > 1000 ? `; the page answered ${(slowest / 1000).toFixed(1)} s late once` : '';
  return `${how}; position ${before.position.toFixed(2)} → ${after.position?.toFixed(2) ?? '?'}${
    after.ended ? ' (ended)' : ''
  }, frontier ${after.dataFrontier ?? '–'}${late}`;
}

export async function pause(step: ActionOf<'pause'>, ctx: RunContext): Promise<string> {
  const page = await playerTarget(ctx);
  if (ctx.lastPlay?.playing && ctx.lastPlay.stoppedAt === undefined)
    ctx.lastPlay.stoppedAt = Date.now();
  await pausePlayback(page, step.via);
  return describeState(await readState(page));
}

/** The participant's way first (the big play button, then the control bar), the API if those fail. */
async function startPlayback(page: Page, via: 'control' | 'api', from: number): Promise<string> {
  if (via === 'control') {
    const big = page.locator('.video-js:not(.vjs-has-started) .vjs-big-play-button');
    const control = page.locator('.vjs-control-bar .vjs-play-control.vjs-paused');
    const target = (await big.isVisible().catch(() => false)) ? big : control;
    await page
      .locator('.video-js')
      .hover({ timeout: 2000 })
      .catch(() => undefined);
    const clicked = await target.click({ timeout: 3000 }).then(
      () => true,
      () => false,
    );
    if (clicked && (await isPlaying(page, from))) return 'pressed play';
  }
  await probe(page, 'play');
  if (await isPlaying(page, from))
    return via === 'control'
      ? 'play control did not respond; started via the player API'
      : 'play()';
  throw new Error(`playback did not start (${describeState(await readState(page))})`);
}

async function pausePlayback(page: Page, via: 'control' | 'api'): Promise<void> {
  const paused = () =>
    poll(
      () => readState(page),
      (s) => s.paused !== false,
      1000,
      50,
    );
  if ((await readState(page)).paused !== false) return;
  if (via === 'control') {
    await page
      .locator('.video-js')
      .hover({ timeout: 1000 })
      .catch(() => undefined);
    const control = page.locator('.vjs-control-bar .vjs-play-control.vjs-playing');
    const clicked = await control.click({ timeout: 1000, force: true }).then(
      () => true,
      () => false,
    );
    if (clicked && (await paused()).held) return;
  }
  await probe(page, 'pause');
  if (!(await paused()).held) throw new Error('the media did not pause');
}

/**
 * Whether playback started: the position moved on from where it was before the press. On a
 * machine that lags, the media may even have played to its end before the first look.
 */
async function isPlaying(page: Page, from: number): Promise<boolean> {
  const { held } = await poll(
    () => readState(page),
    (state) => (state.position ?? 0) > from + 0.05 || state.ended === true,
    5000,
  );
  return held;
}

export async function seek(step: ActionOf<'seek'>, ctx: RunContext): Promise<string> {
  return probe<string>(await playerTarget(ctx), 'seek', step.to, step.via);
}

export async function rate(step: ActionOf<'rate'>, ctx: RunContext): Promise<string> {
  const page = await playerTarget(ctx);
  if (step.via !== 'menu') return probe<string>(page, 'rate', step.to, step.via);
  // The participant's way: open the rate menu and pick the item, if the menu offers it.
  await page
    .locator('.video-js')
    .hover({ timeout: 2000 })
    .catch(() => undefined);
  await page.locator('.vjs-playback-rate > button').click({ timeout: 3000, force: true });
  const offered = (
    await page.locator('.vjs-playback-rate .vjs-menu-item .vjs-menu-item-text').allInnerTexts()
  ).map((t) => t.trim());
  const index = offered.findIndex((text) => parseFloat(text) === step.to);
  if (index < 0) return `the rate menu offers ${offered.join(', ') || 'nothing'}, not ${step.to}x`;
  await page
    .locator('.vjs-playback-rate .vjs-menu-item')
    .nth(index)
    .click({ timeout: 3000, force: true });
  return `picked ${offered[index] ?? ''} from the menu (${offered.join(', ')})`;
}

export async function press(step: ActionOf<'press'>, ctx: RunContext): Promise<string> {
  const { page: tab, target: page } = await playerOf(ctx);
  const on = step.on ?? '.video-js';
  await page
    .locator('.video-js')
    .hover({ timeout: 2000 })
    .catch(() => undefined);
  await page.locator(on).first().focus({ timeout: 5000 });
  const focused = await page.evaluate(
    `(() => { const el = document.activeElement; return el ? el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '') : 'nothing'; })()`,
  );
  for (const key of step.keys) {
    // Keys go to the focused element of the focused frame: the player's, once focused above.
    await tab.keyboard.press(key);
    await sleep(120);
  }
  return `focused ${String(focused)}; pressed ${step.keys.join(' ')} → ${describeState(await readState(page))}`;
}

interface BarPoint {
  x: number;
  y: number;
  width: number;
}

async function seekBarPoint(surface: PlayerSurface, share: number): Promise<BarPoint> {
  const page = surface.target;
  await page
    .locator('.video-js')
    .hover({ timeout: 2000 })
    .catch(() => undefined);
  await sleep(150);
  return onScreen(surface, await probe<BarPoint>(page, 'seekBarPoint', share));
}

/** A point of the bar in the tab's coordinates, where the mouse and touch screen work. */
async function onScreen(surface: PlayerSurface, point: BarPoint): Promise<BarPoint> {
  if (point.width <= 0) throw new Error('the seek bar is not on screen (has playback started?)');
  return { ...point, ...(await surface.toPage(point)) };
}

export async function clickSeekBar(
  step: ActionOf<'clickSeekBar'>,
  ctx: RunContext,
): Promise<string> {
  const surface = await playerOf(ctx);
  const { page: tab, target: page } = surface;
  const point = await seekBarPoint(surface, step.at);
  await tab.mouse.move(point.x, point.y);
  await tab.mouse.click(point.x, point.y);
  await sleep(250);
  return `clicked at ${Math.round(step.at * 100)}% → ${describeState(await readState(page))}`;
}

export async function dragSeekBar(step: ActionOf<'dragSeekBar'>, ctx: RunContext): Promise<string> {
  const surface = await playerOf(ctx);
  const { page: tab, target: page } = surface;
  const from = await seekBarPoint(surface, step.from);
  const to = await onScreen(surface, await probe<BarPoint>(page, 'seekBarPoint', step.to));
  await tab.mouse.move(from.x, from.y);
  await tab.mouse.down();
  await tab.mouse.move(to.x, to.y, { steps: 12 });
  await sleep(150);
  const during = await readState(page);
  await tab.mouse.up();
  await sleep(250);
  return `dragged ${Math.round(step.from * 100)}% → ${Math.round(step.to * 100)}% (position while held ${
    during.position?.toFixed(2) ?? '?'
  }) → ${describeState(await readState(page))}`;
}

/**
 * A finger tap. A script with a tap step runs on a touch screen from its first page on, so the
 * player sees a touch device, as on a phone.
 */
export async function tapSeekBar(step: ActionOf<'tapSeekBar'>, ctx: RunContext): Promise<string> {
  const surface = await playerOf(ctx);
  const { page: tab, target: page } = surface;
  const point = await onScreen(surface, await probe<BarPoint>(page, 'seekBarPoint', step.at));
  await tab.touchscreen.tap(point.x, point.y);
  await sleep(300);
  return `tapped at ${Math.round(step.at * 100)}% → ${describeState(await readState(page))}`;
}

export async function click(step: ActionOf<'click'>, ctx: RunContext): Promise<string> {
  const page = await playerTarget(ctx);
  const target = page.locator(step.selector).first();
  await target.waitFor({ state: 'visible', timeout: 5000 });
  const box = await target.boundingBox();
  const position =
    step.at && box ? { x: box.width * step.at.x, y: box.height * step.at.y } : undefined;
  // `force`: an attacker clicks whatever is on screen, enabled-looking or not (aria-disabled).
  await target.click({ button: step.button, force: true, ...(position ? { position } : {}) });
  await sleep(300);
  return `${step.button} click on ${step.selector} → ${describeState(await readState(page))}`;
}

export async function mediaSession(
  step: ActionOf<'mediaSession'>,
  ctx: RunContext,
): Promise<string> {
  const page = await playerTarget(ctx);
  const details = {
    ...(step.seekTime === undefined ? {} : { seekTime: step.seekTime }),
    ...(step.seekOffset === undefined ? {} : { seekOffset: step.seekOffset }),
  };
  const outcome = await probe<string>(page, 'callMediaSession', step.action, details);
  await sleep(250);
  return `${outcome} → ${describeState(await readState(page))}`;
}
