import * as browser from './actions-browser.ts';
import * as playback from './actions-playback.ts';
import * as server from './actions-server.ts';
import { z } from 'zod';
import type { RunContext } from './run-context.ts';
import { ACTION_SCHEMAS, EXPECTATION_SCHEMAS, type Action, type Step } from './script-schema.ts';

/** Carries out one action; returns a line saying what happened. Throws when it cannot be done. */
export function runAction(step: Action, ctx: RunContext): Promise<string> {
  switch (step.do) {
    case 'open':
      return playback.open(step, ctx);
    case 'play':
      return playback.play(step, ctx);
    case 'pause':
      return playback.pause(step, ctx);
    case 'seek':
      return playback.seek(step, ctx);
    case 'rate':
      return playback.rate(step, ctx);
    case 'press':
      return playback.press(step, ctx);
    case 'clickSeekBar':
      return playback.clickSeekBar(step, ctx);
    case 'dragSeekBar':
      return playback.dragSeekBar(step, ctx);
    case 'tapSeekBar':
      return playback.tapSeekBar(step, ctx);
    case 'click':
      return playback.click(step, ctx);
    case 'mediaSession':
      return playback.mediaSession(step, ctx);
    case 'wait':
      return browser.wait(step, ctx);
    case 'evaluate':
      return browser.evaluate(step, ctx);
    case 'offline':
      return browser.setNetwork(false, ctx);
    case 'online':
      return browser.setNetwork(true, ctx);
    case 'reload':
      return browser.reload(step, ctx);
    case 'restartBrowser':
      return browser.restartBrowser(step, ctx);
    case 'newTab':
      return browser.newTab(step, ctx);
    case 'switchTab':
      return browser.switchTab(step, ctx);
    case 'shiftClock':
      return browser.shiftClock(step, ctx);
    case 'screenshot':
      return browser.screenshot(step, ctx);
    case 'waitForSync':
      return server.waitForSync(step, ctx);
    case 'newParticipant':
      return server.newParticipant(step, ctx);
    case 'api':
      return server.api(step, ctx);
    case 'replayEvents':
      return server.replayEvents(step, ctx);
    case 'editProgress':
      return server.editProgress(step, ctx);
    case 'editEvents':
      return server.editEvents(step, ctx);
  }
}

/** A short human description of a step for the run log and the report; defaults are left out. */
export function describeStep(step: Step): string {
  const { note, ...rest } = step as Record<string, unknown>;
  const kind = 'do' in step ? step.do : `expect ${step.expect}`;
  const shape: Record<string, z.ZodType> =
    'do' in step ? ACTION_SCHEMAS[step.do].shape : EXPECTATION_SCHEMAS[step.expect].shape;
  const fields = Object.entries(rest)
    .filter(
      ([key, value]) =>
        key !== 'do' && key !== 'expect' && key !== 'script' && !isDefault(shape[key], value),
    )
    .map(([key, value]) => `${key}=${short(value)}`)
    .join(' ');
  const text = fields ? `${kind} ${fields}` : kind;
  return typeof note === 'string' ? `${text} — ${note}` : text;
}

function isDefault(field: z.ZodType | undefined, value: unknown): boolean {
  return (
    field instanceof z.ZodDefault &&
    JSON.stringify(field._zod.def.defaultValue) === JSON.stringify(value)
  );
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
