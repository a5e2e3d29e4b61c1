import { DEMO_PROVIDER_ID } from '../../server/providers/provider-directory.ts';
import { ENV_PROVIDER_ID } from '../../server/providers/provider-setup.ts';
import { addOrigin, insertProvider } from '../../server/providers/provider-store.ts';
import { issueSecret } from '../../server/providers/secret-store.ts';
import { EXIT, table, UsageError } from './cli-io.ts';
import { originArg, parseCommand, providerIdArg } from './provider-args.ts';
import type { ProviderSubcommand } from './provider-command.ts';

/** Ids the server's own configuration uses for its configured provider. */
const reserved = () => [DEMO_PROVIDER_ID, ENV_PROVIDER_ID, process.env.RUNTUT_PROVIDER_ID?.trim()];

const addProvider: ProviderSubcommand = {
  usage: 'add ID NAME [--origin https://site.example]...',
  summary: 'adds a provider with its first launch-token secret (printed once here)',
  async run(args, io) {
    const { positionals, values } = parseCommand(args, 2, {
      origin: { type: 'string', multiple: true },
    });
    const id = providerIdArg(positionals[0] ?? '');
    const name = (positionals[1] ?? '').trim();
    if (name.length === 0 || name.length > 200)
      throw new UsageError('NAME must be 1-200 characters');
    if (reserved().includes(id))
      throw new UsageError(`"${id}" is the server's configured provider; choose another id`);
    const origins = (values.origin ?? []).map(originArg);
    const db = await io.database();
    const added = await db.transaction(async (tx) => {
      if (!(await insertProvider(tx, id, name, io.now()))) return undefined;
      for (const origin of origins) await addOrigin(tx, id, origin);
      return issueSecret(tx, id, io.now(), 0);
    });
    if (!added) {
      io.err(`provider "${id}" exists already`);
      return EXIT.failure;
    }
    for (const line of table(
      ['PROVIDER', 'NAME', 'ORIGINS', 'KID', 'SECRET'],
      [[id, name, origins.join(',') || '-', added.kid, added.secret]],
    ))
      io.out(line);
    io.err(
      `Sign launch tokens with HS256, header "kid": "${added.kid}" (docs/providers.md). ` +
        `Name the provider in course.json: "providerId": "${id}".`,
    );
    return EXIT.ok;
  },
};
export default addProvider;
