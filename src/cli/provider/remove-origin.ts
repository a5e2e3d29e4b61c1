import { removeOrigin } from '../../server/providers/provider-store.ts';
import { EXIT } from './cli-io.ts';
import { existingProvider, originArg, parseCommand, providerIdArg } from './provider-args.ts';
import type { ProviderSubcommand } from './provider-command.ts';

const removeOriginCommand: ProviderSubcommand = {
  usage: 'remove-origin ID ORIGIN',
  summary: 'stops a site from embedding the player and calling the API, from the next request',
  async run(args, io) {
    const { positionals } = parseCommand(args, 2, {});
    const id = providerIdArg(positionals[0] ?? '');
    const origin = originArg(positionals[1] ?? '');
    const db = await io.database();
    if (!(await existingProvider(io, id))) return EXIT.failure;
    if (!(await removeOrigin(db, id, origin))) {
      io.err(`provider "${id}" does not allow ${origin}`);
      return EXIT.failure;
    }
    io.out(`${id} no longer allows ${origin}`);
    return EXIT.ok;
  },
};
export default removeOriginCommand;
