import * as v from 'valibot';
import { checkRules } from './rules.js';
import { problem, type Problem } from './problem.js';
import { DocumentSchema } from './schema.js';
import { problemsFromIssues } from './schema-issues.js';
import type { KreisdossierDocument } from './types.js';

export type ValidationResult =
  | { valid: true; document: KreisdossierDocument; problems: [] }
  | { valid: false; problems: Problem[] };

/** Checks a parsed value against the schema and the format's rules; reports every problem. */
export function validateDocument(input: unknown): ValidationResult {
  const parsed = v.safeParse(DocumentSchema, input, { abortEarly: false });
  if (!parsed.success) return { valid: false, problems: problemsFromIssues(parsed.issues) };
  const problems = checkRules(parsed.output);
  return problems.length === 0 ? { valid: true, document: parsed.output, problems: [] } : { valid: false, problems };
}

/** Parses JSON text and validates it; a syntax error is reported at `$` with its position. */
export function parseDocument(text: string): ValidationResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { valid: false, problems: [problem('$', 'json-syntax', { detail: (error as Error).message })] };
  }
  return validateDocument(value);
}
