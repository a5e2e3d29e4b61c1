import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { BrowserSession } from './browser-session.ts';
import { checkExpectation } from './expectations.ts';
import { embedSkipOf, SkipInEmbed } from './embed-skips.ts';
import type { LoadedFamily } from './load-scripts.ts';
import type { RunContext } from './run-context.ts';
import { describeStep, runAction } from './run-step.ts';
import { isExpectation, type Script, type Step } from './script-schema.ts';

export type StepStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface StepResult {
  index: number;
  label: string;
  kind: 'action' | 'expectation';
  status: StepStatus;
  ms: number;
  detail: string;
  screenshot?: string;
}

export interface ScriptResult {
  family: string;
  file: string;
  script: Script;
  /**
   * failed: an expectation did not hold; error: an action could not be carried out; skipped:
   * the script cannot mean anything inside an embedding page (embed-skips.ts), and says why.
   */
  status: 'passed' | 'failed' | 'error' | 'skipped';
  ms: number;
  steps: StepResult[];
  consoleLog?: string;
}

export interface RunnerOptions {
  baseUrl: string;
  chromiumPath: string;
  outDir: string;
  /** One Chromium for the scripts that do not restart the browser (see BrowserSession). */
  sharedBrowser?: () => Promise<Browser>;
  /** `--embed-url`: the template of the embedding page the player runs in (embed-address.ts). */
  embedUrl?: string | undefined;
}

export interface RunListener {
  scriptStarted?(family: LoadedFamily, script: Script): void;
  stepStarted?(script: Script, index: number, label: string): void;
  stepFinished?(script: Script, result: StepResult): void;
  scriptFinished?(result: ScriptResult): void;
}

/**
 * Runs one script in a fresh browser profile. Actions run in order; an action that cannot be
 * carried out (a selector never appears, the page is not ready) ends the script as an error.
 * Expectations are soft: a failed one is recorded with a screenshot and the script goes on, so
 * one run shows every broken rule. The console of every tab is kept for a failing script.
 */
export async function runScript(
  family: LoadedFamily,
  script: Script,
  options: RunnerOptions,
  listener: RunListener = {},
): Promise<ScriptResult> {
  const started = Date.now();
  const artifactDir = join(options.outDir, slug(`${family.family}-${script.name}`));
  const log: string[] = [];
  const steps: StepResult[] = [];
  listener.scriptStarted?.(family, script);

  let session: BrowserSession | undefined;
  let stop: string | undefined;
  let skippedFrom: number | undefined;
  try {
    session = await BrowserSession.start({
      executablePath: options.chromiumPath,
      persistent: script.steps.some((step) => 'do' in step && step.do === 'restartBrowser'),
      ...(options.sharedBrowser ? { sharedBrowser: options.sharedBrowser } : {}),
      touch: script.steps.some((step) => 'do' in step && step.do === 'tapSeekBar'),
      onLog: (line) => log.push(line),
    });
  } catch (error) {
    stop = `Chromium did not start (${options.chromiumPath}): ${message(error)}`;
  }
  const ctx: RunContext | undefined = session && {
    session,
    baseUrl: options.baseUrl,
    script,
    participants: new Map(),
    lastApi: undefined,
    noticeCursor: 0,
    firstOpenAt: undefined,
    artifactDir,
    embed: options.embedUrl
      ? {
          template: options.embedUrl,
          runtutOrigin: new URL(options.baseUrl).origin,
          participant: `qa-${randomUUID()}`,
        }
      : undefined,
  };
  const deadline = started + script.timeoutSeconds * 1000;

  for (const [index, step] of script.steps.entries()) {
    const label = describeStep(step);
    const kind = isExpectation(step) ? 'expectation' : 'action';
    if (!ctx || stop) {
      // Chromium never started (the first step carries the reason), or an earlier action failed.
      const startFailed = !ctx && index === 0;
      steps.push({
        index,
        label,
        kind,
        status: startFailed ? 'error' : 'skipped',
        ms: 0,
        detail: stop ?? 'not run',
      });
      if (startFailed) listener.stepFinished?.(script, steps[0] as StepResult);
      continue;
    }
    const skip = ctx.embed
      ? skippedFrom === undefined
        ? embedSkipOf(script, step)
        : stop
      : undefined;
    if (skip) {
      const skipped: StepResult = { index, label, kind, status: 'skipped', ms: 0, detail: skip };
      log.push(`step ${index}: ${label}\n  ${skip}`);
      steps.push(skipped);
      listener.stepFinished?.(script, skipped);
      continue;
    }
    listener.stepStarted?.(script, index, label);
    const stepStart = Date.now();
    log.push(`+${((stepStart - started) / 1000).toFixed(1)}s step ${index}: ${label}`);
    const result = await runOne(step, ctx, deadline);
    if (result.status === 'skipped') {
      skippedFrom = index;
      stop = `${result.detail} (from step ${index})`;
    }
    const stepResult: StepResult = { index, label, kind, ms: Date.now() - stepStart, ...result };
    log.push(`  ${stepResult.status}: ${stepResult.detail}`);
    if (stepResult.status === 'failed' || stepResult.status === 'error') {
      const shot = await screenshotOf(
        ctx,
        artifactDir,
        `step-${String(index).padStart(2, '0')}-${stepResult.status}.png`,
      );
      if (shot) stepResult.screenshot = shot;
    }
    if (stepResult.status === 'error') stop = `not run: step ${index} could not be carried out`;
    steps.push(stepResult);
    listener.stepFinished?.(script, stepResult);
  }
  await session?.close().catch(() => undefined);

  const status = steps.some((s) => s.status === 'error')
    ? 'error'
    : steps.some((s) => s.status === 'failed')
      ? 'failed'
      : skippedFrom !== undefined || (ctx?.embed && script.embed?.skip)
        ? 'skipped'
        : 'passed';
  const result: ScriptResult = {
    family: family.family,
    file: family.file,
    script,
    status,
    ms: Date.now() - started,
    steps,
  };
  if (status === 'failed' || status === 'error') {
    await mkdir(artifactDir, { recursive: true });
    const consoleLog = join(artifactDir, 'console.log');
    await writeFile(consoleLog, `${log.join('\n')}\n`);
    result.consoleLog = consoleLog;
  }
  listener.scriptFinished?.(result);
  return result;
}

async function runOne(
  step: Step,
  ctx: RunContext,
  deadline: number,
): Promise<{ status: StepStatus; detail: string }> {
  const remaining = deadline - Date.now();
  if (remaining <= 0)
    return { status: 'error', detail: 'the script ran out of time (timeoutSeconds)' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('the script ran out of time (timeoutSeconds)')),
      remaining,
    );
  });
  try {
    if (isExpectation(step)) {
      const verdict = await Promise.race([checkExpectation(step, ctx), timeout]);
      return { status: verdict.ok ? 'passed' : 'failed', detail: verdict.detail };
    }
    return { status: 'passed', detail: await Promise.race([runAction(step, ctx), timeout]) };
  } catch (error) {
    if (error instanceof SkipInEmbed) return { status: 'skipped', detail: error.message };
    return { status: 'error', detail: message(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function screenshotOf(
  ctx: RunContext,
  dir: string,
  name: string,
): Promise<string | undefined> {
  try {
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    await (await ctx.session.page()).screenshot({ path, timeout: 5000 });
    return path;
  } catch {
    return undefined;
  }
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Playwright appends a multi-line call log; its first line says what went wrong.
  return text.split('\n')[0] ?? text;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
