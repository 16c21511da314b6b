// Writes schema/kreisdossier-1.schema.json (committed) and dist/kreisdossier.schema.json.
// Runs after `tsc -p tsconfig.build.json`, which compiles the valibot schema to build/.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as formatSchema from '../build/format/schema.js';
import { buildJsonSchema } from './json-schema.js';

const text = `${JSON.stringify(buildJsonSchema(formatSchema), null, 2)}\n`;
for (const file of ['schema/kreisdossier-1.schema.json', 'dist/kreisdossier.schema.json']) {
  mkdirSync(file.slice(0, file.lastIndexOf('/')), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
