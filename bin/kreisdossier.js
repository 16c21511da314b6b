#!/usr/bin/env node
// The `kreisdossier` command (compiled from data-adapters/cli.ts by `npm run build`).
import { main } from '../build/node/data-adapters/cli.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
