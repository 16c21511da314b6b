import * as v from 'valibot';
import './messages.js'; // problems' sentences
import { checkRules } from './rules.js';
import { problem, type Problem } from './problem.js';
import { DocumentSchema, ObservationSchema } from './schema.js';
import { problemsFromIssues } from './schema-issues.js';
import type { KreisdossierDocument } from './types.js';

export type ValidationResult =
  | { valid: true; document: KreisdossierDocument; problems: [] }
  | { valid: false; problems: Problem[] };

/** Checks a parsed value against the schema and the format's rules; reports every problem. */
export function validateDocument(input: unknown): ValidationResult {
  // valibot takes an array for an object with every field missing: say what it is instead.
  if (Array.isArray(input)) return { valid: false, problems: [problem('$', 'wrong-type', { expected: 'object', received: 'array' })] };
  const parsed = v.safeParse(DocumentSchema, input, { abortEarly: false });
  if (!parsed.success) return { valid: false, problems: problemsFromIssues(parsed.issues) };
  const problems = checkRules(parsed.output);
  return problems.length === 0 ? { valid: true, document: parsed.output, problems: [] } : { valid: false, problems };
}

/** Parses JSON text and validates it; a syntax error is reported at `$` with its position. */
export function parseDocument(text: string): ValidationResult {
  let value: unknown;
  try {
    // A UTF-8 byte order mark (Windows editors, Excel exports) is not part of the JSON (RFC 8259, 8.1);
    // `fetch().text()` drops it already, text from a CMS template or a file read in Node keeps it.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { valid: false, problems: [problem('$', 'json-syntax', { detail: (error as Error).message })] };
  }
  return validateDocument(value);
}

/** Observations checked per slice by `validateDocumentInSlices`. */
export const OBSERVATION_SLICE = 2000;
const ObservationList = v.array(ObservationSchema);

/**
 * The same check as `validateDocument`, with a pause (`pause()`, e.g. a
 * macrotask) between slices of observations: a page loading a dozen large
 * files stays responsive instead of validating for hundreds of milliseconds
 * in one task. Problems and their paths are exactly those of `validateDocument`.
 */
export async function validateDocumentInSlices(input: unknown, pause: () => Promise<void>): Promise<ValidationResult> {
  const observations = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>)['observations'] : undefined;
  if (!Array.isArray(observations) || observations.length <= OBSERVATION_SLICE) return validateDocument(input);
  const head = v.safeParse(DocumentSchema, { ...(input as Record<string, unknown>), observations: [] }, { abortEarly: false });
  const problems = head.success ? [] : problemsFromIssues(head.issues);
  const checked: KreisdossierDocument['observations'] = [];
  for (let start = 0; start < observations.length; start += OBSERVATION_SLICE) {
    await pause();
    const slice = v.safeParse(ObservationList, observations.slice(start, start + OBSERVATION_SLICE), { abortEarly: false });
    if (slice.success) {
      for (const o of slice.output) checked.push(o);
      continue;
    }
    // An issue's first path item is the index within the slice: shifted to the index in the file.
    const shifted = slice.issues.map((issue) => {
      const [first, ...rest] = issue.path ?? [];
      return first ? { ...issue, path: [{ ...first, key: (first.key as number) + start }, ...rest] } : issue;
    }) as typeof slice.issues;
    problems.push(...problemsFromIssues(shifted, ['observations']));
  }
  if (problems.length || !head.success) return { valid: false, problems };
  await pause();
  const document = { ...head.output, observations: checked };
  const ruleProblems = checkRules(document);
  return ruleProblems.length === 0 ? { valid: true, document, problems: [] } : { valid: false, problems: ruleProblems };
}
