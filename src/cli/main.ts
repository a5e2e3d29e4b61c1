import { pathToFileURL } from 'node:url';
import { CourseFileError } from './course/course-file.ts';
import { ToolMissingError } from './media/media-tools.ts';
import { EXIT, UsageError } from './usage-error.ts';

/**
 * `runtut <command> …`: one entry, each command in its own module, loaded on demand. Exit codes
 * (see usage-error.ts): 0 done, 1 the work failed, 2 usage, 3 ffmpeg/ffprobe missing.
 */
const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  course: () => import('./course/course-command.ts'),
  provider: () => import('./provider/provider-command.ts'),
  token: () => import('./token-command.ts'),
};

const HELP = () => `Usage: runtut <command> [options]

Commands:
${Object.keys(commands)
  .map((name) => `  ${name}`)
  .join('\n')}

  runtut course package course.yaml --out public/courses/my-course
  runtut course validate public/courses/my-course
  runtut provider add acme "Acme Academy" --origin https://learn.acme.example
  runtut token --participant p-1 --course sample

Run "runtut <command> --help" for a command's options.
`;

export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`runtut: unknown command "${name}"\n\n${HELP()}`);
    return EXIT.usage;
  }
  try {
    return await (await load()).run(args);
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`runtut: ${error.message}\nRun with --help for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof ToolMissingError) {
    process.stderr.write(`runtut: ${error.message}\n`);
    return EXIT.toolMissing;
  }
  if (error instanceof CourseFileError) {
    process.stderr.write(`runtut: the course file has problems:\n${error.message}\n`);
    return EXIT.failed;
  }
  process.stderr.write(`runtut: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.failed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
