#!/usr/bin/env node
// The `runtut` bin: Node 20 cannot strip TypeScript types, so tsx (a dependency) loads main.ts.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2));
