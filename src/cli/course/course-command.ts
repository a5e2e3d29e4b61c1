import { UsageError } from '../usage-error.ts';
import { runPackage } from './package-command.ts';
import { runValidate } from './validate-command.ts';

const HELP = `Usage: runtut course <command> [options]

Commands:
  package   turn video files (or a course file) into a course folder
  validate  check a course folder: schema, files, sizes, hashes, durations, HLS bitrates

Run "runtut course <command> --help" for a command's options.
`;

const SUBCOMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  package: runPackage,
  validate: runValidate,
};

export async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = SUBCOMMANDS[name];
  if (!command)
    throw new UsageError(
      `unknown course command "${name}" (try: ${Object.keys(SUBCOMMANDS).join(', ')})`,
    );
  return command(rest);
}
