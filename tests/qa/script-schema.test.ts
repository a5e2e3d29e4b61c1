import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJson, loadScripts } from '../../src/qa/load-scripts.ts';
import { parseScriptFile, parseStep } from '../../src/qa/parse-script.ts';

const header = { name: 'a script', attack: 'does something', expected: 'is refused' };
const script = (steps: unknown[]) => ({ ...header, steps });
const problemsOf = (input: unknown) => {
  const result = parseScriptFile(input, 'family');
  return result.ok ? [] : result.problems;
};

describe('parseStep', () => {
  it.each([
    [{ do: 'seek', to: 'ten' }, 'steps[3].to: expected a number, got "ten"'],
    [{ do: 'seek' }, 'steps[3].to: is required'],
    [{ do: 'clickSeekBar', at: 1.5 }, 'steps[3].at: must be at most 1, got 1.5'],
    [{ do: 'play', seconds: -1 }, 'steps[3].seconds: must be at least 0, got -1'],
    [
      { do: 'seek', to: 3, via: 'keyboard' },
      'steps[3].via: expected one of "element", "native", "videojs", "fastSeek", got "keyboard"',
    ],
    [
      { do: 'open', lesson: 'Bab 1' },
      'steps[3].lesson: must be an id of lowercase letters, digits and hyphens, got "Bab 1"',
    ],
    [
      { do: 'open', path: 'c/sample' },
      'steps[3].path: must be a path starting with "/", got "c/sample"',
    ],
    [{ do: 'shiftClock', hours: 0 }, 'steps[3].hours: must not be 0'],
    [{ do: 'press', keys: [] }, 'steps[3].keys: needs at least 1 item(s)'],
    [
      { expect: 'lessonState', lesson: 'anggaran', state: 'done' },
      'steps[3].state: expected one of "locked", "available", "completed", got "done"',
    ],
    [{ expect: 'positionAtMost' }, 'steps[3]: give exactly one of value and overPlayed'],
    [
      { expect: 'frontierAtMost', value: 3, overPlayed: 1 },
      'steps[3]: give exactly one of value and overPlayed',
    ],
    [{ do: 'switchTab', index: 1.5 }, 'steps[3].index: expected an integer, got 1.5'],
  ])('names the step index and field: %j', (step, message) => {
    const result = parseStep(step, 'steps[3]');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([message]);
  });

  it('suggests the action meant by a misspelt "do"', () => {
    const result = parseStep({ do: 'sek', to: 3 }, 'steps[1]');
    expect(result.ok ? [] : result.problems[0]).toMatch(
      /^steps\[1\]\.do: unknown action "sek" \(did you mean "seek"\?\); one of: open, play/,
    );
  });

  it('suggests the field meant by a misspelt key and lists the fields of that step', () => {
    const result = parseStep({ do: 'seek', tto: 3 }, 'steps[2]');
    expect(result.ok ? [] : result.problems).toContain(
      'steps[2]: unknown field "tto" (did you mean "to"?); fields here: do, note, to, via',
    );
  });

  it('refuses a step that is neither an action nor an expectation, or both', () => {
    expect(parseStep({ to: 3 }, 'steps[0]')).toEqual({
      ok: false,
      problems: ['steps[0]: a step needs "do" (an action) or "expect" (an expectation)'],
    });
    expect(parseStep({ do: 'pause', expect: 'syncState' }, 'steps[0]').ok).toBe(false);
    expect(parseStep(7, 'steps[0]')).toEqual({
      ok: false,
      problems: ['steps[0]: expected a step object with "do" or "expect", got 7'],
    });
  });

  it('fills in defaults', () => {
    expect(parseStep({ do: 'play', seconds: 2 }, 'steps[0]')).toEqual({
      ok: true,
      step: { do: 'play', seconds: 2, keepPlaying: false, measure: 'media', via: 'control' },
    });
    expect(parseStep({ do: 'seek', to: 7 }, 'steps[0]')).toEqual({
      ok: true,
      step: { do: 'seek', to: 7, via: 'element' },
    });
  });

  it('refuses "path" and "lesson" together', () => {
    expect(parseStep({ do: 'open', path: '/c/sample', lesson: 'pengantar' }, 'steps[0]')).toEqual({
      ok: false,
      problems: ['steps[0]: give "path" or "lesson", not both'],
    });
  });
});

describe('parseScriptFile', () => {
  it('accepts a single script and names its family after the file', () => {
    const result = parseScriptFile(
      script([{ do: 'open' }, { expect: 'openLesson', lesson: 'pengantar' }]),
      'seek-bar',
    );
    expect(result.ok && result.value.family).toBe('seek-bar');
    expect(result.ok && result.value.scripts[0]?.course).toBe('sample');
  });

  it('reports every broken step of every script, each with its script index and name', () => {
    const problems = problemsOf({
      family: 'Seek bar',
      scripts: [
        script([{ do: 'open' }, { do: 'seek', to: 'ten' }]),
        { ...script([{ do: 'open' }, { do: 'rate' }]), name: 'second' },
      ],
    });
    expect(problems).toEqual([
      'scripts[0].steps[1].to: expected a number, got "ten" (in script "a script")',
      'scripts[1].steps[1].to: is required (in script "second")',
    ]);
  });

  it('requires the attack and its expected outcome', () => {
    expect(problemsOf({ name: 'x', steps: [{ do: 'open' }] })).toEqual([
      'attack: is required',
      'expected: is required',
    ]);
  });

  it('requires a page to be opened before anything happens in it', () => {
    expect(
      problemsOf(
        script([
          { do: 'newParticipant', name: 'other' },
          { do: 'play', seconds: 1 },
        ]),
      ),
    ).toEqual([
      'steps[1]: nothing is open yet; a script opens a page ("do": "open") first (in script "a script")',
    ]);
  });

  it('refuses two scripts with the same name in one family', () => {
    const problems = problemsOf({
      family: 'F',
      scripts: [script([{ do: 'open' }]), script([{ do: 'open' }])],
    });
    expect(problems).toEqual(['scripts[1].name: "a script" is used twice']);
  });
});

describe('loadScripts', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'runtut-qa-schema-'));
    await writeFile(join(dir, 'good.json'), JSON.stringify(script([{ do: 'open' }])));
    await writeFile(
      join(dir, 'broken.json'),
      '{\n  "name": "x",\n  "steps": [\n    {"do": "open"},,\n  ]\n}',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads a folder and prefixes each problem with its file', async () => {
    const result = await loadScripts([dir]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatch(/broken\.json: not valid JSON at line 4/);
    }
  });

  it('loads valid files', async () => {
    const result = await loadScripts([join(dir, 'good.json')]);
    expect(result.ok && result.families.map((f) => f.family)).toEqual(['good']);
  });

  it('says when a path does not exist', async () => {
    const result = await loadScripts([join(dir, 'missing.json')]);
    expect(result.ok ? [] : result.problems).toEqual([
      `${join(dir, 'missing.json')}: no such file or folder`,
    ]);
  });

  it('says where JSON breaks', () => {
    const result = decodeJson('{"a": 1,\n "b": }');
    expect(result.ok ? '' : result.problems[0]).toMatch(/line 2/);
  });
});
