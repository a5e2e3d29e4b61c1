import { cpus } from 'node:os';
import { coursePackageSection } from './bench/course-package.ts';
import { consoleScaleSection } from './bench/console-scale.ts';
import { drainSection } from './bench/drain.ts';
import { pageLoadSection } from './bench/page-load.ts';
import { offlineDownloadSection } from './bench/offline-download.ts';
import type { BenchSection } from './bench/section.ts';
import { loadCapacitySection } from './bench/load-capacity.ts';
import { serverIngestSection } from './bench/server-ingest.ts';

/** `npm run bench`: prints figures, section by section. Add a section to this list. */
const sections: BenchSection[] = [
  serverIngestSection,
  drainSection,
  pageLoadSection,
  coursePackageSection,
  loadCapacitySection,
  consoleScaleSection,
  offlineDownloadSection,
];

console.log(`Runtut bench: Node ${process.version}, ${cpus().length} CPU(s)`);
let failed = false;
for (const section of sections) {
  console.log(`\n== ${section.title} ==`);
  try {
    for (const line of await section.run()) console.log(line);
  } catch (error) {
    // One section failing must not hide the others' figures.
    failed = true;
    console.log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
