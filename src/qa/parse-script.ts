import type { z } from 'zod';
import {
  ACTION_SCHEMAS,
  EXPECTATION_SCHEMAS,
  familyHeaderSchema,
  scriptHeaderSchema,
  type Script,
  type Step,
} from './script-schema.ts';

export interface ScriptFamily {
  family: string;
  description?: string | undefined;
  scripts: Script[];
}

export type ParseResult = { ok: true; value: ScriptFamily } | { ok: false; problems: string[] };

/**
 * Validates a parsed script file: one script, or `{ family, scripts: [...] }`. Every problem is
 * reported (not only the first), each naming its place as a path a person can follow, e.g.
 * `scripts[1].steps[3].to: expected a number, got "ten"`.
 */
export function parseScriptFile(input: unknown, fallbackFamily: string): ParseResult {
  if (isObject(input) && 'scripts' in input) {
    const header = familyHeaderSchema.safeParse(input);
    if (!header.success)
      return { ok: false, problems: describeIssues(header.error.issues, input, '') };
    const problems: string[] = [];
    const scripts: Script[] = [];
    header.data.scripts.forEach((raw, index) => {
      const parsed = parseScript(raw, `scripts[${index}]`);
      if (parsed.ok) scripts.push(parsed.script);
      else problems.push(...parsed.problems);
    });
    problems.push(...duplicateNames(scripts));
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      value: { family: header.data.family, description: header.data.description, scripts },
    };
  }
  const parsed = parseScript(input, '');
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return { ok: true, value: { family: fallbackFamily, scripts: [parsed.script] } };
}

type ScriptResult = { ok: true; script: Script } | { ok: false; problems: string[] };

export function parseScript(input: unknown, at: string): ScriptResult {
  if (!isObject(input))
    return { ok: false, problems: [`${at || '(root)'}: expected a script object`] };
  const header = scriptHeaderSchema.safeParse(input);
  if (!header.success) {
    return {
      ok: false,
      problems: describeIssues(
        header.error.issues,
        input,
        at,
        Object.keys(scriptHeaderSchema.shape),
      ),
    };
  }
  const label = ` (in script "${header.data.name}")`;
  const problems: string[] = [];
  const steps: Step[] = [];
  header.data.steps.forEach((raw, index) => {
    const place = join(at, `steps[${index}]`);
    const parsed = parseStep(raw, place);
    if (parsed.ok) steps.push(parsed.step);
    else problems.push(...parsed.problems.map((problem) => problem + label));
  });
  if (problems.length === 0)
    problems.push(...orderProblems(steps, at).map((problem) => problem + label));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, script: { ...header.data, steps } };
}

type StepResult = { ok: true; step: Step } | { ok: false; problems: string[] };

export function parseStep(raw: unknown, at: string): StepResult {
  if (!isObject(raw)) {
    return {
      ok: false,
      problems: [`${at}: expected a step object with "do" or "expect", got ${shown(raw)}`],
    };
  }
  if ('do' in raw && 'expect' in raw) {
    return {
      ok: false,
      problems: [`${at}: a step is an action ("do") or an expectation ("expect"), not both`],
    };
  }
  const [key, schemas] =
    'do' in raw
      ? (['do', ACTION_SCHEMAS] as const)
      : 'expect' in raw
        ? (['expect', EXPECTATION_SCHEMAS] as const)
        : [];
  if (!key || !schemas) {
    return {
      ok: false,
      problems: [`${at}: a step needs "do" (an action) or "expect" (an expectation)`],
    };
  }
  const kind = raw[key];
  const names = Object.keys(schemas);
  if (typeof kind !== 'string' || !names.includes(kind)) {
    const hint = typeof kind === 'string' ? closest(kind, names) : undefined;
    const what = key === 'do' ? 'action' : 'expectation';
    return {
      ok: false,
      problems: [
        `${at}.${key}: unknown ${what} ${shown(kind)}${hint ? ` (did you mean "${hint}"?)` : ''}; one of: ${names.join(', ')}`,
      ],
    };
  }
  const schema = (schemas as Record<string, z.ZodObject>)[kind];
  if (!schema) return { ok: false, problems: [`${at}: cannot validate ${kind}`] };
  const result = schema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      problems: describeIssues(result.error.issues, raw, at, Object.keys(schema.shape)),
    };
  }
  const step = result.data as Step;
  if ('do' in step && (step.do === 'open' || step.do === 'newTab') && step.path && step.lesson) {
    return { ok: false, problems: [`${at}: give "path" or "lesson", not both`] };
  }
  if ('do' in step && step.do === 'api' && step.events && step.body !== undefined) {
    return { ok: false, problems: [`${at}: give "events" or "body", not both`] };
  }
  return { ok: true, step };
}

/** Everything that happens in a page needs a page: the first such step must be `open`. */
function orderProblems(steps: readonly Step[], at: string): string[] {
  const pageless = new Set(['newParticipant', 'wait', 'shiftClock']);
  const first = steps.findIndex((step) => !('do' in step && pageless.has(step.do)));
  const step = steps[first];
  if (step && !('do' in step && step.do === 'open')) {
    return [
      `${join(at, `steps[${first}]`)}: nothing is open yet; a script opens a page ("do": "open") first`,
    ];
  }
  return [];
}

function duplicateNames(scripts: readonly Script[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  scripts.forEach((script, index) => {
    if (seen.has(script.name))
      problems.push(`scripts[${index}].name: "${script.name}" is used twice`);
    seen.add(script.name);
  });
  return problems;
}

/** `knownKeys`: the fields of the object at `at`, to suggest the intended one for a typo. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  at: string,
  knownKeys: readonly string[] = [],
): string[] {
  return issues.map((issue) => {
    const field = join(at, pathText(issue.path));
    let text = explain(issue, valueAt(input, issue.path));
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0 && knownKeys.length > 0) {
      const hints = issue.keys
        .map((key) => closest(key, knownKeys))
        .filter((hint) => hint !== undefined);
      text += hints.length > 0 ? ` (did you mean ${hints.map((h) => `"${h}"`).join(', ')}?)` : '';
      text += `; fields here: ${knownKeys.join(', ')}`;
    }
    return `${field || '(root)'}: ${text}`;
  });
}

function explain(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      return `expected ${article(issue.expected)}, got ${shown(value)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${shown(issue.values[0])}, got ${shown(value)}`
        : `expected one of ${issue.values.map(shown).join(', ')}, got ${shown(value)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}, got ${shown(value)}`;
    case 'too_big':
      if (issue.origin === 'array') return `takes at most ${String(issue.maximum)} item(s)`;
      if (issue.origin === 'string')
        return `is too long (at most ${String(issue.maximum)} characters)`;
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}, got ${shown(value)}`;
    case 'invalid_format':
      return `${FORMAT_HINTS[issue.message] ?? 'has the wrong format'}, got ${shown(value)}`;
    case 'invalid_union':
      return `has the wrong type, got ${shown(value)}`;
    case 'custom':
      return issue.message === 'nonzero' ? 'must not be 0' : issue.message;
    default:
      return issue.message;
  }
}

const FORMAT_HINTS: Record<string, string> = {
  lessonId: 'must be an id of lowercase letters, digits and hyphens',
  path: 'must be a path starting with "/"',
  fileName: 'must be a short file name (letters, digits, ".", "-", "_")',
};

function article(type: string): string {
  if (type === 'int') return 'an integer';
  if (type === 'array' || type === 'object') return `an ${type}`;
  return `a ${type === 'nonoptional' ? 'value' : type}`;
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

function join(at: string, rest: string): string {
  if (!at) return rest;
  if (!rest) return at;
  return rest.startsWith('[') ? `${at}${rest}` : `${at}.${rest}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (!isObject(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The known name nearest to a misspelt one, if it is near enough to be a likely typo. */
function closest(word: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(word.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
