import { addOrigin } from '../../server/providers/provider-store.ts';
import { EXIT } from './cli-io.ts';
import { existingProvider, originArg, parseCommand, providerIdArg } from './provider-args.ts';
import type { ProviderSubcommand } from './provider-command.ts';

const addOriginCommand: ProviderSubcommand = {
  usage: 'add-origin ID ORIGIN',
  summary: 'allows a site (https://host[:port]) to embed the player and call the API',
  async run(args, io) {
    const { positionals } = parseCommand(args, 2, {});
    const id = providerIdArg(positionals[0] ?? '');
    const origin = originArg(positionals[1] ?? '');
    const db = await io.database();
    if (!(await existingProvider(io, id))) return EXIT.failure;
    await addOrigin(db, id, origin);
    io.out(`${id} allows ${origin}`);
    return EXIT.ok;
  },
};
export default addOriginCommand;
