import { loadUsage, parseLoadArgs } from './load-options.ts';
import { printReport } from './print-report.ts';
import { runLoad } from './run-load.ts';

/**
 * `npm run load -- --participants N --minutes M --url URL`: simulated participants against a
 * running server (demo mode, with the load course: COURSES_DIR=scripts/load/courses), then the
 * credit check. Exit 0 only when every participant's credit is exact. docs/deployment.md.
 */
async function main(args: string[]) {
  if (args.includes('--help')) {
    console.log(loadUsage());
    return 0;
  }
  const options = parseLoadArgs(args);
  console.error(
    `load: ${options.participants} participants for ${options.minutes} min against ${options.url}`,
  );
  const report = await runLoad(options);
  for (const line of printReport(report)) console.log(line);
  return report.verification.exact ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`load: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
