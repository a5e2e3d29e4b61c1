import { issueSecret, listSecrets } from '../../server/providers/secret-store.ts';
import { EXIT, table, UsageError } from './cli-io.ts';
import { existingProvider, parseCommand, providerIdArg } from './provider-args.ts';
import type { ProviderSubcommand } from './provider-command.ts';
import { secretTable } from './secret-table.ts';

/** Long enough for any launch token a provider issues for a day's session. */
const DEFAULT_GRACE_SECONDS = 24 * 3600;

const rotateSecret: ProviderSubcommand = {
  usage: 'rotate-secret ID [--grace SECONDS]',
  summary:
    'makes a new signing secret; the old one keeps verifying tokens issued before now for --grace seconds (default 86400)',
  async run(args, io) {
    const { positionals, values } = parseCommand(args, 1, { grace: { type: 'string' } });
    const id = providerIdArg(positionals[0] ?? '');
    const grace = Number(values.grace ?? DEFAULT_GRACE_SECONDS);
    if (!Number.isInteger(grace) || grace < 0)
      throw new UsageError('--grace must be a whole number of seconds, 0 or more');
    const db = await io.database();
    if (!(await existingProvider(io, id))) return EXIT.failure;
    const fresh = await db.transaction((tx) => issueSecret(tx, id, io.now(), grace));
    for (const line of table(['PROVIDER', 'KID', 'SECRET'], [[id, fresh.kid, fresh.secret]]))
      io.out(line);
    io.out('');
    for (const line of secretTable(await listSecrets(db, id), io.now())) io.out(line);
    io.err(
      `Sign new tokens with kid "${fresh.kid}". Tokens issued before now keep working until they expire (at most ${grace} s).`,
    );
    return EXIT.ok;
  },
};
export default rotateSecret;
