import { listPublications } from '../../server/courses/publication-store.ts';
import { EXIT, table } from './cli-io.ts';
import { parseCommand } from './provider-args.ts';
import type { ProviderSubcommand } from './provider-command.ts';

/**
 * What the server last found in each course folder, as it recorded it in the database: serving,
 * stale (the folder is broken or refused; the last good version serves) or broken (nothing does).
 */
const statusCommand: ProviderSubcommand = {
  usage: 'status',
  summary: 'shows each course folder as the server last saw it, with its problem if any',
  async run(args, io) {
    parseCommand(args, 0, {});
    const db = await io.database();
    const publications = await listPublications(db);
    const rows = publications.map((item) => [
      item.courseId,
      item.providerId ?? '-',
      item.problem === null ? 'serving' : item.manifest === null ? 'broken' : 'stale',
      item.publishedAt?.toISOString() ?? '-',
      item.problem ?? '',
    ]);
    for (const line of table(['COURSE', 'PROVIDER', 'STATE', 'PUBLISHED', 'PROBLEM'], rows))
      io.out(line);
    if (rows.length === 0) io.err('the server has not published any course from this database yet');
    return rows.some((row) => row[4] !== '') ? EXIT.failure : EXIT.ok;
  },
};
export default statusCommand;
