import { createReportKey } from '../../server/providers/report-key-store.ts';
import { EXIT, table } from './cli-io.ts';
import { existingProvider, parseCommand, providerIdArg } from './provider-args.ts';
import type { ProviderSubcommand } from './provider-command.ts';

const addKey: ProviderSubcommand = {
  usage: 'add-key ID [--label TEXT]',
  summary: 'makes a report API key (X-Api-Key); it is shown once, only its hash is kept',
  async run(args, io) {
    const { positionals, values } = parseCommand(args, 1, { label: { type: 'string' } });
    const id = providerIdArg(positionals[0] ?? '');
    const db = await io.database();
    if (!(await existingProvider(io, id))) return EXIT.failure;
    const label = (values.label ?? '').trim().slice(0, 200);
    const made = await createReportKey(db, id, label, io.now());
    for (const line of table(['PROVIDER', 'KEY ID', 'KEY'], [[id, made.keyId, made.key]]))
      io.out(line);
    io.err('Store the key now: it cannot be shown again. Remove it with remove-key ID KEY_ID.');
    return EXIT.ok;
  },
};
export default addKey;
