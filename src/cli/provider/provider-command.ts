import type { Database } from '../../server/db/database.ts';
import { CliFailure, EXIT, openServerDatabase, UsageError, type CliIo } from './cli-io.ts';

/** One `runtut provider <name>` sub-command, each in its own file beside this one. */
export interface ProviderSubcommand {
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const subcommands: Record<string, () => Promise<{ default: ProviderSubcommand }>> = {
  add: () => import('./add-provider.ts'),
  list: () => import('./list-providers.ts'),
  status: () => import('./course-status.ts'),
  'rotate-secret': () => import('./rotate-secret.ts'),
  'retire-secret': () => import('./retire-secret.ts'),
  'add-key': () => import('./add-key.ts'),
  'remove-key': () => import('./remove-key.ts'),
  'add-origin': () => import('./add-origin.ts'),
  'remove-origin': () => import('./remove-origin.ts'),
};

async function help(): Promise<string> {
  const lines = await Promise.all(
    Object.values(subcommands).map(async (load) => {
      const { default: command } = await load();
      return `  runtut provider ${command.usage}\n      ${command.summary}`;
    }),
  );
  return `usage:\n${lines.join('\n')}\n\nOn the database the server uses (DATABASE_URL, else DATA_DIR). The embedded\ndatabase serves one process at a time: stop the server first (PostgreSQL: no need).`;
}

export async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? console.error : console.log)(await help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = subcommands[name];
  if (!load) {
    console.error(`runtut provider: unknown sub-command "${name}"\n\n${await help()}`);
    return EXIT.usage;
  }
  const { default: command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`usage: runtut provider ${command.usage}\n  ${command.summary}`);
    return EXIT.ok;
  }
  let opened: Promise<Database> | undefined;
  const io: CliIo = {
    database: () =>
      (opened ??= openServerDatabase(`runtut provider ${name}`).then((db) => {
        if (typeof db === 'string') throw new CliFailure(db);
        return db;
      })),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    now: Date.now,
  };
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliFailure) {
      console.error(`runtut provider ${name}: ${error.message}`);
      return EXIT.failure;
    }
    if (!(error instanceof UsageError)) throw error;
    console.error(
      `runtut provider ${name}: ${error.message}\nusage: runtut provider ${command.usage}`,
    );
    return EXIT.usage;
  } finally {
    if (opened) await opened.then((db) => db.close()).catch(() => undefined);
  }
}
