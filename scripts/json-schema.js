// Generates the JSON Schema from the valibot schema (the single source).
// Used by scripts/build-schema.js and by the test that keeps the committed copy in sync.
import { toJsonSchema } from '@valibot/to-json-schema';

const TITLES = {
  DocumentSchema: {
    title: 'kreisdossier data format 1.x',
    description:
      'One file of official regional statistics for kreisdossier elements. ' +
      'Rules beyond this schema (unique keys, references, status vocabulary) are checked by the kreisdossier validator; see docs/format.md.',
  },
  CatalogueSchema: {
    title: 'kreisdossier catalogue 1.x',
    description:
      'A list of kreisdossier data, boundary, region and dossier files and what each covers, so that elements fetch only what a view needs. ' +
      'Rules beyond this schema (unique files and regions, known parents) are checked by the kreisdossier validator; see docs/format.md#catalogue.',
  },
};

/**
 * @param {Record<string, unknown>} module the exports of src/format/schema.ts (or catalogue-schema.ts)
 * @param {'DocumentSchema' | 'CatalogueSchema'} root the exported schema the file describes
 */
export function buildJsonSchema(module, root = 'DocumentSchema') {
  // Named parts become `definitions` referenced with $ref, so the schema reads like the spec.
  const definitions = Object.fromEntries(
    Object.entries(module)
      .filter(([name]) => name.endsWith('Schema') && name !== root)
      .map(([name, schema]) => [name.replace(/Schema$/, ''), schema]),
  );
  const schema = toJsonSchema(/** @type {any} */ (module[root]), {
    target: 'draft-07',
    definitions: /** @type {any} */ (definitions),
    overrideAction({ valibotAction, jsonSchema }) {
      // JSON cannot hold NaN or Infinity, so `finite` adds nothing to the JSON Schema.
      if (valibotAction.type === 'finite') return jsonSchema;
      if (valibotAction.type !== 'check') return undefined;
      if (valibotAction.message === 'null-without-status') {
        return {
          ...jsonSchema,
          if: { properties: { value: { type: 'null' } }, required: ['value'] },
          then: { required: ['status'] },
        };
      }
      // Other checks are enforced by the validator only; the schema stays a superset.
      return jsonSchema;
    },
  });
  return {
    $schema: schema.$schema,
    ...TITLES[root],
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
