import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { jsonErrorPosition } from './json-error-position.ts';
import { parseScriptFile, type ScriptFamily } from './parse-script.ts';

export interface LoadedFamily extends ScriptFamily {
  file: string;
}

export type LoadResult = { ok: true; families: LoadedFamily[] } | { ok: false; problems: string[] };

const SCRIPT_EXTENSIONS = ['.json', '.yaml', '.yml'];

/**
 * Reads script files (and every script file in given folders, sorted) and validates them all
 * before anything runs: a broken script stops the run with every problem listed, file by file.
 */
export async function loadScripts(paths: readonly string[]): Promise<LoadResult> {
  const problems: string[] = [];
  const families: LoadedFamily[] = [];
  for (const file of await expand(paths, problems)) {
    const loaded = await loadFile(file);
    if (loaded.ok) families.push(loaded.family);
    else problems.push(...loaded.problems.map((problem) => `${file}: ${problem}`));
  }
  const names = new Map<string, string>();
  for (const family of families) {
    for (const script of family.scripts) {
      const other = names.get(script.name);
      if (other && other !== family.file)
        problems.push(`${family.file}: script "${script.name}" is also in ${other}`);
      names.set(script.name, family.file);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, families };
}

async function expand(paths: readonly string[], problems: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      problems.push(`${path}: no such file or folder`);
    } else if (info.isDirectory()) {
      const entries = (await readdir(path))
        .filter((name) => SCRIPT_EXTENSIONS.includes(extname(name)))
        .sort();
      if (entries.length === 0) problems.push(`${path}: no .json or .yaml scripts in this folder`);
      files.push(...entries.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

type FileResult = { ok: true; family: LoadedFamily } | { ok: false; problems: string[] };

async function loadFile(file: string): Promise<FileResult> {
  const text = await readFile(file, 'utf8');
  const extension = extname(file);
  const decoded =
    extension === '.yaml' || extension === '.yml' ? await decodeYaml(text) : decodeJson(text);
  if (!decoded.ok) return decoded;
  const parsed = parseScriptFile(decoded.value, basename(file, extension));
  if (!parsed.ok) return parsed;
  return { ok: true, family: { ...parsed.value, file } };
}

type Decoded = { ok: true; value: unknown } | { ok: false; problems: string[] };

export function decodeJson(text: string): Decoded {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    const where = jsonErrorPosition(text);
    const place = where ? ` at line ${where.line}, column ${where.column}` : '';
    return { ok: false, problems: [`not valid JSON${place}: ${message}`] };
  }
}

interface YamlModule {
  parse(text: string): unknown;
}

/** YAML needs the optional `yaml` package; without it the error says so plainly. */
async function decodeYaml(text: string): Promise<Decoded> {
  const specifier = 'yaml';
  const yaml = (await import(specifier).catch(() => undefined)) as YamlModule | undefined;
  if (!yaml) {
    return {
      ok: false,
      problems: [
        'YAML scripts need the `yaml` package (npm install --save-dev yaml); JSON works without it',
      ],
    };
  }
  try {
    return { ok: true, value: yaml.parse(text) };
  } catch (error) {
    return {
      ok: false,
      problems: [`not valid YAML: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}
