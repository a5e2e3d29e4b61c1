import { listSecrets, retireSecret } from '../../server/providers/secret-store.ts';
import { EXIT } from './cli-io.ts';
import { existingProvider, parseCommand, providerIdArg } from './provider-args.ts';
import type { ProviderSubcommand } from './provider-command.ts';
import { secretTable } from './secret-table.ts';

const retireCommand: ProviderSubcommand = {
  usage: 'retire-secret ID KID',
  summary: 'retires one secret now (a leaked one): every token signed with it stops at once',
  async run(args, io) {
    const { positionals } = parseCommand(args, 2, {});
    const id = providerIdArg(positionals[0] ?? '');
    const kid = positionals[1] ?? '';
    const db = await io.database();
    if (!(await existingProvider(io, id))) return EXIT.failure;
    if (!(await retireSecret(db, id, kid, io.now()))) {
      io.err(`provider "${id}" has no secret with kid "${kid}"`);
      return EXIT.failure;
    }
    for (const line of secretTable(await listSecrets(db, id), io.now())) io.out(line);
    return EXIT.ok;
  },
};
export default retireCommand;
