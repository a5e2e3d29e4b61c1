import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { embeddingPageLoads } from './embed-skips.ts';
import { readState, runSnippet } from './page-probe.ts';
import {
  addressOf,
  describeState,
  playerTarget,
  sleep,
  waitForPlayer,
  type RunContext,
} from './run-context.ts';
import type { ActionOf } from './script-schema.ts';

/** Actions on the browser around the page: network, reloads, restarts, tabs, clock, scripts. */

export async function setNetwork(online: boolean, ctx: RunContext): Promise<string> {
  await ctx.session.setOffline(!online);
  await sleep(300);
  const state = await readState(await playerTarget(ctx)).catch(() => undefined);
  return `${online ? 'online' : 'offline'}; sync pill ${state?.syncState ?? '–'}`;
}

export async function reload(step: ActionOf<'reload'>, ctx: RunContext): Promise<string> {
  const page = await ctx.session.page();
  ctx.noticeCursor = 0;
  await embeddingPageLoads(Boolean(ctx.embed), () =>
    page.reload({ waitUntil: 'domcontentloaded' }),
  );
  return describeState(await waitForPlayer(ctx, page, step.waitFor));
}

export async function restartBrowser(
  step: ActionOf<'restartBrowser'>,
  ctx: RunContext,
): Promise<string> {
  ctx.noticeCursor = 0;
  const page = await embeddingPageLoads(Boolean(ctx.embed), () => ctx.session.restart());
  return `reopened ${page.url()} → ${describeState(await waitForPlayer(ctx, page, step.waitFor))}`;
}

export async function newTab(step: ActionOf<'newTab'>, ctx: RunContext): Promise<string> {
  const currentUrl = (await ctx.session.page()).url();
  const url = step.path || step.lesson ? addressOf(ctx, step) : currentUrl;
  const page = await ctx.session.openTab();
  ctx.noticeCursor = 0;
  await embeddingPageLoads(Boolean(ctx.embed), () =>
    page.goto(url, { waitUntil: 'domcontentloaded' }),
  );
  const state = await waitForPlayer(ctx, page, step.waitFor);
  return `tab ${ctx.session.tabIndex}: ${url} → ${describeState(state)}`;
}

export async function switchTab(step: ActionOf<'switchTab'>, ctx: RunContext): Promise<string> {
  await ctx.session.switchTab(step.index);
  ctx.noticeCursor = 0;
  return `tab ${step.index}: ${describeState(await readState(await playerTarget(ctx)))}`;
}

export async function shiftClock(step: ActionOf<'shiftClock'>, ctx: RunContext): Promise<string> {
  await ctx.session.shiftClock(step.hours);
  const page = await playerTarget(ctx);
  const deviceNow = await page.evaluate('new Date().toISOString()');
  return `device clock now reads ${String(deviceNow)} (real ${new Date().toISOString()})`;
}

export async function evaluate(step: ActionOf<'evaluate'>, ctx: RunContext): Promise<string> {
  const result = await runSnippet(await playerTarget(ctx), step.script);
  return result === undefined ? 'done' : `returned ${JSON.stringify(result)}`;
}

export async function screenshot(step: ActionOf<'screenshot'>, ctx: RunContext): Promise<string> {
  await mkdir(ctx.artifactDir, { recursive: true });
  const path = join(ctx.artifactDir, `${step.name}.png`);
  await (await ctx.session.page()).screenshot({ path });
  return path;
}

export async function wait(step: ActionOf<'wait'>, ctx: RunContext): Promise<string> {
  await sleep(step.seconds * 1000);
  const state = await readState(await playerTarget(ctx)).catch(() => undefined);
  return describeState(state);
}
