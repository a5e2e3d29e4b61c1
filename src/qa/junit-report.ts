import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ScriptResult, StepResult } from './runner.ts';

export interface ReportMeta {
  /** The run's name (the top-level `testsuites`). */
  name: string;
  baseUrl: string;
  /** When the run started (ISO 8601). */
  timestamp: string;
  hostname: string;
}

/**
 * The JUnit XML most CI systems read (Jenkins, GitLab, GitHub Actions reporters, Azure): one
 * `testsuite` per script file (an attack family), one `testcase` per script. A failed
 * expectation is a `failure`, an action that could not be carried out an `error`. The attack
 * and its expected outcome are `properties`; the step log is `system-out`, with screenshots and
 * console logs as `[[ATTACHMENT|path]]` lines (the Jenkins/GitLab attachment convention).
 */
export function junitXml(results: readonly ScriptResult[], meta: ReportMeta): string {
  const families = new Map<string, ScriptResult[]>();
  for (const result of results) {
    const key = `${result.file}\u0000${result.family}`;
    families.set(key, [...(families.get(key) ?? []), result]);
  }
  const totals = count(results);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: meta.name, ...totals, timestamp: meta.timestamp })}>`,
  ];
  for (const group of families.values()) {
    const first = group[0];
    if (!first) continue;
    lines.push(
      `  <testsuite${attrs({
        name: first.family,
        file: first.file,
        ...count(group),
        timestamp: meta.timestamp,
        hostname: meta.hostname,
      })}>`,
      '    <properties>',
      `      <property${attrs({ name: 'baseUrl', value: meta.baseUrl })}/>`,
      '    </properties>',
    );
    for (const result of group) lines.push(...testcase(result));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function testcase(result: ScriptResult): string[] {
  const { script } = result;
  const lines = [
    `    <testcase${attrs({ classname: result.family, name: script.name, file: result.file, time: seconds(result.ms) })}>`,
    '      <properties>',
    `        <property${attrs({ name: 'attack', value: script.attack })}/>`,
    `        <property${attrs({ name: 'expected', value: script.expected })}/>`,
    `        <property${attrs({ name: 'fidelity', value: script.fidelity })}/>`,
    '      </properties>',
  ];
  const failed = result.steps.filter((step) => step.status === 'failed');
  const broken = result.steps.find((step) => step.status === 'error');
  const skipped =
    result.status === 'skipped' ? result.steps.find((s) => s.status === 'skipped') : undefined;
  if (skipped) {
    lines.push(`      <skipped${attrs({ message: skipped.detail })}/>`);
  } else if (broken) {
    lines.push(
      `      <error${attrs({ message: headline(broken), type: 'ActionError' })}>${text(explain([broken]))}</error>`,
    );
  } else if (failed.length > 0 && failed[0]) {
    const message =
      failed.length > 1
        ? `${headline(failed[0])} (and ${failed.length - 1} more)`
        : headline(failed[0]);
    lines.push(
      `      <failure${attrs({ message, type: 'ExpectationFailed' })}>${text(explain(failed))}</failure>`,
    );
  }
  const out = result.steps.map(stepLine);
  for (const step of result.steps)
    if (step.screenshot) out.push(`[[ATTACHMENT|${step.screenshot}]]`);
  if (result.consoleLog) out.push(`[[ATTACHMENT|${result.consoleLog}]]`);
  lines.push(`      <system-out>${text(out.join('\n'))}</system-out>`, '    </testcase>');
  return lines;
}

function count(results: readonly ScriptResult[]) {
  return {
    tests: results.length,
    failures: results.filter((r) => r.status === 'failed').length,
    errors: results.filter((r) => r.status === 'error').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    time: seconds(results.reduce((sum, r) => sum + r.ms, 0)),
  };
}

function headline(step: StepResult): string {
  return `steps[${step.index}] ${step.label}: ${step.detail}`;
}

function explain(steps: readonly StepResult[]): string {
  return steps
    .map((step) => `${headline(step)}${step.screenshot ? `\nscreenshot: ${step.screenshot}` : ''}`)
    .join('\n');
}

const MARK: Record<StepResult['status'], string> = {
  passed: 'ok',
  failed: 'FAILED',
  error: 'ERROR',
  skipped: 'skipped',
};

function stepLine(step: StepResult): string {
  return `[${MARK[step.status]}] steps[${step.index}] ${step.label} (${seconds(step.ms)} s): ${step.detail}`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
}

function text(value: string): string {
  return escapeXml(value);
}

/** Escapes markup and drops characters XML 1.0 cannot carry (control bytes from consoles). */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export async function writeJunit(
  path: string,
  results: readonly ScriptResult[],
  meta: ReportMeta,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, junitXml(results, meta));
}
