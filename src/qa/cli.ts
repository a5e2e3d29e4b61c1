import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CHROMIUM, sharedChromium } from './browser-session.ts';
import { consoleReporter, summary } from './console-reporter.ts';
import { checkEmbedTemplate } from './embed-address.ts';
import { checkEmbeddingPage } from './embed-preflight.ts';
import { writeJunit } from './junit-report.ts';
import { loadScripts, type LoadedFamily } from './load-scripts.ts';
import { runScript, type ScriptResult } from './runner.ts';
import type { Script } from './script-schema.ts';
import { isReachable } from './server-api.ts';

/** Exit codes: 0 every expectation held; 1 one failed (or an action could not be done); 2 no run. */
export const EXIT = { passed: 0, failed: 1, unusable: 2 } as const;

const USAGE = `Runtut QA: run playback scripts against a Runtut deployment in headless Chromium.

Usage: npm run qa -- <script.json|folder>... --base-url URL [options]

  --base-url URL     the deployment to test (or QA_BASE_URL)
  --embed-url URL    run the player inside this embedding page (or QA_EMBED_URL); placeholders
                     {course} {lesson} {lang} {participant} are filled per page (docs/qa.md)
  --chromium PATH    Chromium executable (or CHROMIUM_PATH; default ${DEFAULT_CHROMIUM})
  --out DIR          screenshots and console logs of failures (default qa-results)
  --junit PATH       JUnit XML report (default <out>/junit.xml)
  --grep REGEX       only scripts whose family or name matches (case-insensitive)
  --workers N        scripts run at once, each in its own browser (default 1)
  --check            validate the scripts and exit, without a browser
  -h, --help         this text

Exit code: 0 all expectations held, 1 some failed, 2 a broken script, an unreachable base URL,
or an embedding page without a working Runtut player.`;

export interface CliOptions {
  paths: string[];
  baseUrl: string | undefined;
  embedUrl: string | undefined;
  chromium: string;
  out: string;
  junit: string;
  grep: string | undefined;
  workers: number;
  check: boolean;
  help: boolean;
}

export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'base-url': { type: 'string' },
      'embed-url': { type: 'string' },
      chromium: { type: 'string' },
      out: { type: 'string' },
      junit: { type: 'string' },
      grep: { type: 'string' },
      workers: { type: 'string' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const out = values.out ?? 'qa-results';
  const workers = Number(values.workers ?? '1');
  if (!Number.isInteger(workers) || workers < 1 || workers > 8)
    throw new Error('--workers takes a whole number from 1 to 8');
  const embedUrl = values['embed-url'] ?? (env.QA_EMBED_URL || undefined);
  const badTemplate = embedUrl === undefined ? undefined : checkEmbedTemplate(embedUrl);
  if (badTemplate) throw new Error(badTemplate);
  return {
    paths: positionals,
    baseUrl: values['base-url'] ?? env.QA_BASE_URL,
    embedUrl,
    chromium: values.chromium ?? env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM,
    out,
    junit: values.junit ?? join(out, 'junit.xml'),
    grep: values.grep,
    workers,
    check: values.check ?? false,
    help: values.help ?? false,
  };
}

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const complain = (line: string) => process.stderr.write(`${line}\n`);
  let options: CliOptions;
  try {
    options = parseCli(argv, env);
  } catch (error) {
    complain(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT.unusable;
  }
  if (options.help) {
    say(USAGE);
    return EXIT.passed;
  }
  if (options.paths.length === 0) {
    complain(`No scripts given.\n\n${USAGE}`);
    return EXIT.unusable;
  }
  const loaded = await loadScripts(options.paths);
  if (!loaded.ok) {
    complain('Broken script(s), nothing was run:');
    for (const problem of loaded.problems) complain(`  ${problem}`);
    return EXIT.unusable;
  }
  const jobs = selectJobs(loaded.families, options.grep);
  if (options.check) {
    say(`${jobs.length} script(s) in ${loaded.families.length} file(s) are valid.`);
    return EXIT.passed;
  }
  if (jobs.length === 0) {
    complain(`No script matches --grep ${options.grep ?? ''}`);
    return EXIT.unusable;
  }
  if (!options.baseUrl) {
    complain(`--base-url is required (or set QA_BASE_URL).\n\n${USAGE}`);
    return EXIT.unusable;
  }
  let baseUrl: string;
  try {
    baseUrl = new URL(options.baseUrl).toString();
  } catch {
    complain(`--base-url ${options.baseUrl} is not a URL`);
    return EXIT.unusable;
  }
  if (!(await isReachable(baseUrl))) {
    complain(`${baseUrl} does not answer: is the deployment up?`);
    return EXIT.unusable;
  }
  if (!existsSync(options.chromium)) {
    complain(`No Chromium at ${options.chromium}: pass --chromium PATH or set CHROMIUM_PATH`);
    return EXIT.unusable;
  }

  const chromium = sharedChromium(options.chromium);
  if (options.embedUrl) {
    const problem = await checkEmbeddingPage({
      template: options.embedUrl,
      baseUrl,
      course: jobs[0]?.script.course ?? 'sample',
      chromiumPath: options.chromium,
      sharedBrowser: chromium.get,
    });
    if (problem) {
      await chromium.close();
      complain(`${problem}\nNothing was run.`);
      return EXIT.unusable;
    }
  }

  const started = new Date();
  say(
    `Runtut QA: ${jobs.length} script(s) from ${loaded.families.length} file(s) against ${baseUrl}` +
      (options.embedUrl ? `, the player inside ${options.embedUrl}` : ''),
  );
  say(
    `Chromium ${options.chromium}; ${options.workers} at a time; failures kept in ${options.out}/`,
  );
  const listener = consoleReporter(say, { tagLines: options.workers > 1 });
  const runnerOptions = {
    baseUrl,
    embedUrl: options.embedUrl,
    chromiumPath: options.chromium,
    outDir: options.out,
    sharedBrowser: chromium.get,
  };
  const results = await runPool(jobs, options.workers, (job) =>
    runScript(job.family, job.script, runnerOptions, listener),
  ).finally(() => chromium.close());
  const ms = Date.now() - started.getTime();
  for (const line of summary(results, ms)) say(line);
  await writeJunit(options.junit, results, {
    name: 'Runtut QA',
    baseUrl,
    timestamp: started.toISOString(),
    hostname: hostname(),
  });
  say(`JUnit report: ${options.junit}`);
  return results.every((r) => r.status === 'passed' || r.status === 'skipped')
    ? EXIT.passed
    : EXIT.failed;
}

interface Job {
  family: LoadedFamily;
  script: Script;
}

function selectJobs(families: readonly LoadedFamily[], grep: string | undefined): Job[] {
  const pattern = grep === undefined ? undefined : new RegExp(grep, 'i');
  return families.flatMap((family) =>
    family.scripts
      .filter((script) => !pattern || pattern.test(`${family.family} ${script.name}`))
      .map((script) => ({ family, script })),
  );
}

/** Runs jobs `size` at a time; results keep the jobs' order. */
async function runPool(
  jobs: readonly Job[],
  size: number,
  run: (job: Job) => Promise<ScriptResult>,
): Promise<ScriptResult[]> {
  const results: ScriptResult[] = new Array<ScriptResult>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next;
      next += 1;
      const job = jobs[index];
      if (job) results[index] = await run(job);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, jobs.length) }, worker));
  return results;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/qa/cli.ts')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(EXIT.unusable);
    },
  );
}
