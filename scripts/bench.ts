import { cpus } from 'node:os';
import type { BenchSection } from './bench/section.ts';
import { serverIngestSection } from './bench/server-ingest.ts';

/** `npm run bench`: prints figures, section by section. Add a section to this list. */
const sections: BenchSection[] = [serverIngestSection];

console.log(`Runtut bench: Node ${process.version}, ${cpus().length} CPU(s)`);
for (const section of sections) {
  console.log(`\n== ${section.title} ==`);
  for (const line of await section.run()) console.log(line);
}
