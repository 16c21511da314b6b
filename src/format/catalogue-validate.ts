import * as v from 'valibot';
import './messages.js'; // problems' sentences
import { CatalogueSchema, type Catalogue } from './catalogue-schema.js';
import { formatPath, problem, type PathSegment, type Problem } from './problem.js';
import { problemsFromIssues } from './schema-issues.js';

export type CatalogueValidation = { valid: true; catalogue: Catalogue; problems: [] } | { valid: false; problems: Problem[] };

/** A catalogue file: `kreisdossierCatalogue` tells it from a data file before anything is validated. */
export function isCatalogue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'kreisdossierCatalogue');
}

/** Checks a parsed catalogue against the schema and its rules (unique files and regions, known parents and neighbours). */
export function validateCatalogue(input: unknown): CatalogueValidation {
  if (Array.isArray(input)) return { valid: false, problems: [problem('$', 'wrong-type', { expected: 'object', received: 'array' })] };
  const parsed = v.safeParse(CatalogueSchema, input, { abortEarly: false });
  if (!parsed.success) return { valid: false, problems: problemsFromIssues(parsed.issues) };
  const problems = catalogueRules(parsed.output);
  return problems.length ? { valid: false, problems } : { valid: true, catalogue: parsed.output, problems: [] };
}

function catalogueRules(catalogue: Catalogue): Problem[] {
  const problems: Problem[] = [];
  const unique = (items: readonly { key?: string; url?: string }[], field: 'key' | 'url', at: (i: number) => PathSegment[]) => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const value = item[field]!;
      const seen = first.get(value);
      if (seen === undefined) first.set(value, i);
      else problems.push(problem(at(i), 'duplicate-key', { value, first: formatPath(at(seen)) }));
    });
  };
  unique(catalogue.regions, 'key', (i) => ['regions', i, 'key']);
  const files = [
    ...catalogue.data.map((f, i) => ({ url: f.url, path: ['data', i, 'url'] as PathSegment[] })),
    ...catalogue.geometry.map((f, i) => ({ url: f.url, path: ['geometry', i, 'url'] as PathSegment[] })),
    ...catalogue.regionFiles.map((f, i) => ({ url: f.url, path: ['regionFiles', i, 'url'] as PathSegment[] })),
    ...catalogue.dossiers.map((f, i) => ({ url: f.url, path: ['dossiers', i, 'url'] as PathSegment[] })),
  ];
  unique(files, 'url', (i) => files[i]!.path);
  const keys = new Set(catalogue.regions.map((r) => r.key));
  catalogue.regions.forEach((r, i) => {
    if (r.parent && !keys.has(r.parent)) problems.push(problem(['regions', i, 'parent'], 'unknown-region', { value: r.parent }));
    if (r.parent === r.key) problems.push(problem(['regions', i, 'parent'], 'parent-is-self', { value: r.key }));
    (r.neighbours ?? []).forEach((n, j) => {
      if (!keys.has(n)) problems.push(problem(['regions', i, 'neighbours', j], 'unknown-region', { value: n }));
    });
  });
  return problems;
}
