import { listPublications } from '../../server/courses/publication-store.ts';
import { listProviders } from '../../server/providers/provider-store.ts';
import { listReportKeys } from '../../server/providers/report-key-store.ts';
import { listSecrets } from '../../server/providers/secret-store.ts';
import { EXIT, table } from './cli-io.ts';
import { parseCommand } from './provider-args.ts';
import type { ProviderSubcommand } from './provider-command.ts';

const listCommand: ProviderSubcommand = {
  usage: 'list',
  summary: 'lists the providers in the database: origins, signing key id, secrets, keys, courses',
  async run(args, io) {
    parseCommand(args, 0, {});
    const now = io.now();
    const db = await io.database();
    const providers = await listProviders(db);
    const publications = await listPublications(db);
    const rows = await Promise.all(
      providers.map(async (provider) => {
        const secrets = await listSecrets(db, provider.id);
        const valid = secrets.filter(
          (key) => key.retiredAt === null || key.retiredAt.getTime() > now,
        );
        const signing = secrets.filter((key) => key.supersededAt === null).at(-1)?.kid ?? '-';
        const keys = await listReportKeys(db, provider.id);
        const courses = publications
          .filter((item) => item.providerId === provider.id && item.manifest !== null)
          .map((item) => item.courseId + (item.problem ? ' (!)' : ''));
        return [
          provider.id,
          provider.name,
          provider.origins.join(',') || '-',
          signing,
          String(valid.length),
          keys.map((key) => key.keyId).join(',') || '-',
          courses.join(',') || '-',
        ];
      }),
    );
    for (const line of table(
      ['PROVIDER', 'NAME', 'ORIGINS', 'SIGNING KID', 'VALID SECRETS', 'REPORT KEYS', 'COURSES'],
      rows,
    ))
      io.out(line);
    if (providers.length === 0) io.err('no providers yet: runtut provider add ID NAME');
    if (rows.some((row) => row[6]?.includes('(!)')))
      io.err('(!) the course folder has a problem: runtut provider status');
    return EXIT.ok;
  },
};
export default listCommand;
