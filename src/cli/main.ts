/**
 * The `runtut` command line: one entry, sub-commands loaded on demand, each in its own file.
 * Tables and results go to stdout, errors to stderr; exit 0 ok, 1 failure, 2 usage.
 */
const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  provider: () => import('./provider/provider-command.ts'),
  token: () => import('./token-command.ts'),
};

const HELP = `usage: runtut <command> [arguments]

commands:
  provider   manage providers: add, list, status, rotate-secret, add-key, remove-key, ...
  token      print a launch token for testing (--participant ID --course ID)

runtut <command> --help shows a command's arguments.`;

async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? console.error : console.log)(HELP);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`runtut: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  return (await load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`runtut: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
