// Writes schema/kreisdossier-1.schema.json (committed) and dist/kreisdossier.schema.json.
// Runs after `tsc -p tsconfig.build.json`, which compiles the valibot schema to build/.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as catalogueSchema from '../build/format/catalogue-schema.js';
import * as formatSchema from '../build/format/schema.js';
import { buildJsonSchema } from './json-schema.js';

const outputs = [
  [buildJsonSchema(formatSchema), ['schema/kreisdossier-1.schema.json', 'dist/kreisdossier.schema.json']],
  [buildJsonSchema(catalogueSchema, 'CatalogueSchema'), ['schema/kreisdossier-catalogue-1.schema.json', 'dist/kreisdossier-catalogue.schema.json']],
];
for (const [schema, files] of outputs) {
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  for (const file of files) {
    mkdirSync(file.slice(0, file.lastIndexOf('/')), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
