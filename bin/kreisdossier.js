#!/usr/bin/env node
// The `kreisdossier` command. dist/cli/ is data-adapters/cli.ts as `npm run build` bundles it (rollup.config.js);
// it ships in the package, while build/ (tsc's output, with the tests) does not.
import { main } from '../dist/cli/cli.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
