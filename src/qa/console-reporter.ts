import type { LoadedFamily } from './load-scripts.ts';
import type { RunListener, ScriptResult, StepResult } from './runner.ts';
import type { Script } from './script-schema.ts';

const MARK: Record<StepResult['status'], string> = {
  passed: '✓',
  failed: '✗',
  error: '!',
  skipped: '-',
};

const VERDICT: Record<ScriptResult['status'], string> = {
  passed: 'PASSED',
  failed: 'FAILED',
  error: 'ERROR',
  skipped: 'SKIPPED',
};

/**
 * Prints the run as it happens: each script's header, then each step with ✓/✗ and its time as
 * it finishes. With several scripts at once every line carries the script's number, so
 * interleaved lines can still be told apart.
 */
export function consoleReporter(
  write: (line: string) => void,
  options: { tagLines: boolean },
): RunListener {
  let lastFamily = '';
  const numbers = new Map<Script, number>();
  let next = 0;
  const tag = (script: Script) =>
    options.tagLines ? `[${String(numbers.get(script) ?? 0).padStart(2)}] ` : '';

  return {
    scriptStarted(family: LoadedFamily, script: Script) {
      next += 1;
      numbers.set(script, next);
      if (family.file !== lastFamily && !options.tagLines) {
        write('');
        write(`${family.family}  (${family.file})`);
        lastFamily = family.file;
      }
      write(
        `${tag(script)}▶ ${script.name}${script.fidelity === 'emulated' ? '  [emulated]' : ''}`,
      );
    },
    stepFinished(script: Script, step: StepResult) {
      const time = `${(step.ms / 1000).toFixed(1)} s`;
      write(`${tag(script)}    ${MARK[step.status]} [${step.index}] ${step.label}  (${time})`);
      if (step.detail) write(`${tag(script)}        ${step.detail}`);
    },
    scriptFinished(result: ScriptResult) {
      const time = `${(result.ms / 1000).toFixed(1)} s`;
      const verdict = VERDICT[result.status];
      write(`${tag(result.script)}  ${verdict} ${result.script.name} (${time})`);
      const shots = result.steps.flatMap((step) => (step.screenshot ? [step.screenshot] : []));
      if (shots.length > 0) write(`${tag(result.script)}    screenshots: ${shots.join(', ')}`);
      if (result.consoleLog) write(`${tag(result.script)}    console: ${result.consoleLog}`);
    },
  };
}

export function summary(results: readonly ScriptResult[], ms: number): string[] {
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed');
  const errors = results.filter((r) => r.status === 'error');
  const skipped = results.filter((r) => r.status === 'skipped');
  const lines = [
    '',
    `${results.length} scripts: ${passed} passed, ${failed.length} failed, ${errors.length} could not run` +
      `${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}  (${(ms / 1000).toFixed(1)} s)`,
  ];
  for (const result of skipped) {
    const step = result.steps.find((s) => s.status === 'skipped');
    lines.push(`  - ${result.script.name}: ${step?.detail ?? 'skipped'}`);
  }
  for (const result of [...failed, ...errors]) {
    const step =
      result.steps.find((s) => s.status === 'error') ??
      result.steps.find((s) => s.status === 'failed');
    lines.push(
      `  ✗ ${result.script.name}: ${step ? `steps[${step.index}] ${step.label}: ${step.detail}` : result.status}`,
    );
  }
  return lines;
}
