import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from './start-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    reportKey: string;
  }
}

const REPORT_KEY = 'e2e-report-key';

/** One real server for the browser suite; `npm test` builds dist/ before this runs. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npm run build` first');
  const server = await startServer({ RUNTUT_REPORT_KEY: REPORT_KEY });
  project.provide('baseUrl', server.baseUrl);
  project.provide('reportKey', REPORT_KEY);
  return () => server.stop();
}
