import { describe, expect, it } from 'vitest';
import { escapeXml, junitXml, type ReportMeta } from '../../src/qa/junit-report.ts';
import type { ScriptResult, StepResult } from '../../src/qa/runner.ts';
import type { Script } from '../../src/qa/script-schema.ts';

const meta: ReportMeta = {
  name: 'Runtut QA',
  baseUrl: 'http://127.0.0.1:8080/',
  timestamp: '2026-01-05T08:00:00.000Z',
  hostname: 'ci-runner',
};

function script(name: string): Script {
  return {
    name,
    attack: 'Drags the seek bar to 90% & lets go',
    expected: 'The player holds the position at the frontier <2.6 s>',
    course: 'sample',
    fidelity: 'real',
    timeoutSeconds: 120,
    steps: [{ do: 'open', waitFor: 'player' }],
  };
}

function step(
  index: number,
  status: StepResult['status'],
  detail: string,
  extra: Partial<StepResult> = {},
): StepResult {
  return { index, label: `step ${index}`, kind: 'action', status, ms: 1500, detail, ...extra };
}

function result(
  name: string,
  status: ScriptResult['status'],
  steps: StepResult[],
  file = 'catalog/seek-bar.json',
): ScriptResult {
  return { family: 'Seek bar', file, script: script(name), status, ms: 2500, steps };
}

/** The XML parsed back just enough to read elements and attributes (no XML library in Node). */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}((?:\\s+[\\w-]+="[^"]*")*)\\s*/?>`, 'g'))].map(
    (match) =>
      Object.fromEntries(
        [...(match[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]),
      ),
  );
}

describe('junitXml', () => {
  const passed = result('drag past the frontier', 'passed', [step(0, 'passed', 'opened')]);
  const failed = result('click past the frontier', 'failed', [
    step(0, 'passed', 'opened'),
    step(1, 'failed', 'position 7.00, limit 2.6', {
      kind: 'expectation',
      screenshot: 'qa-results/x/step-01-failed.png',
    }),
    step(2, 'failed', 'data-frontier 7, limit 2.6', { kind: 'expectation' }),
  ]);
  const broken = result(
    'clock ahead',
    'error',
    [step(0, 'error', 'the page was not ready after 30 s'), step(1, 'skipped', 'not run')],
    'catalog/clock.json',
  );
  const xml = junitXml([passed, failed, broken], meta);

  it('counts tests, failures and errors overall and per file', () => {
    expect(elements(xml, 'testsuites')[0]).toMatchObject({
      tests: '3',
      failures: '1',
      errors: '1',
      time: '7.500',
    });
    const suites = elements(xml, 'testsuite');
    expect(suites.map((s) => [s.file, s.tests, s.failures, s.errors])).toEqual([
      ['catalog/seek-bar.json', '2', '1', '0'],
      ['catalog/clock.json', '1', '0', '1'],
    ]);
  });

  it('names each test case after its script, classed by family, with seconds as time', () => {
    expect(elements(xml, 'testcase').map((t) => [t.classname, t.name, t.time])).toEqual([
      ['Seek bar', 'drag past the frontier', '2.500'],
      ['Seek bar', 'click past the frontier', '2.500'],
      ['Seek bar', 'clock ahead', '2.500'],
    ]);
  });

  it('reports a failed expectation as a failure naming the step, and how many more failed', () => {
    const [failure] = elements(xml, 'failure');
    expect(failure).toEqual({
      message: 'steps[1] step 1: position 7.00, limit 2.6 (and 1 more)',
      type: 'ExpectationFailed',
    });
    expect(xml).toContain('[[ATTACHMENT|qa-results/x/step-01-failed.png]]');
  });

  it('reports an action that could not be carried out as an error', () => {
    expect(elements(xml, 'error')).toEqual([
      { message: 'steps[0] step 0: the page was not ready after 30 s', type: 'ActionError' },
    ]);
  });

  it('keeps the attack and its expected outcome as properties, escaped', () => {
    expect(xml).toContain(
      '<property name="attack" value="Drags the seek bar to 90% &amp; lets go"/>',
    );
    expect(xml).toContain(
      '<property name="expected" value="The player holds the position at the frontier &lt;2.6 s&gt;"/>',
    );
  });

  it('reports a script skipped in embed mode as skipped, with its reason, not as passed', () => {
    const why = 'skipped in embed mode: the embedding page does not load with the network cut';
    const skipped = result('offline restart', 'skipped', [
      step(0, 'passed', 'opened'),
      step(1, 'skipped', why),
    ]);
    const only = junitXml([passed, skipped], meta);
    expect(elements(only, 'testsuites')[0]).toMatchObject({ tests: '2', skipped: '1' });
    expect(elements(only, 'skipped')).toEqual([{ message: why }]);
    expect(only).not.toMatch(/<failure|<error/);
  });

  it('writes a passing script with no failure or error element', () => {
    const only = junitXml([passed], meta);
    expect(only).not.toMatch(/<failure|<error/);
    expect(only.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`a<b>&"c"'d'\u0000\u001b[31m`)).toBe(
      'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;[31m',
    );
    expect(escapeXml('tab\tnewline\n✓ 🎬')).toBe('tab\tnewline\n✓ 🎬');
  });
});
