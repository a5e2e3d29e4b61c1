import { deleteReportKey } from '../../server/providers/report-key-store.ts';
import { EXIT } from './cli-io.ts';
import { existingProvider, parseCommand, providerIdArg } from './provider-args.ts';
import type { ProviderSubcommand } from './provider-command.ts';

const removeKey: ProviderSubcommand = {
  usage: 'remove-key ID KEY_ID',
  summary: 'deletes a report API key: the next request with it is refused',
  async run(args, io) {
    const { positionals } = parseCommand(args, 2, {});
    const id = providerIdArg(positionals[0] ?? '');
    const keyId = positionals[1] ?? '';
    const db = await io.database();
    if (!(await existingProvider(io, id))) return EXIT.failure;
    if (!(await deleteReportKey(db, id, keyId))) {
      io.err(`provider "${id}" has no report key "${keyId}"`);
      return EXIT.failure;
    }
    io.out(`removed report key ${keyId} of ${id}`);
    return EXIT.ok;
  },
};
export default removeKey;
