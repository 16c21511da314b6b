/** Turns valibot issues into problems with readable reasons. */
import type * as v from 'valibot';
import type { ProblemCode } from './messages.js';
import { problem, type PathSegment, type Problem } from './problem.js';

type AnyIssue = v.BaseIssue<unknown>;

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function pathOf(issue: AnyIssue, prefix: readonly PathSegment[]): PathSegment[] {
  return [...prefix, ...(issue.path ?? []).map((item) => item.key as PathSegment)];
}

/** valibot's expected-type names → JSON type names. */
function expectedType(issue: AnyIssue): string {
  if (issue.type.endsWith('object') || issue.type === 'record') return 'object';
  return issue.type;
}

const OWN_CODES = new Set<ProblemCode>([
  'empty-text', 'identifier', 'region-key', 'period', 'date', 'date-time', 'http-url', 'file-url',
  'min-items', 'integer', 'min-value', 'max-value', 'finite', 'format-version', 'null-without-status',
]);

function convert(issue: AnyIssue, prefix: readonly PathSegment[]): Problem[] {
  const path = pathOf(issue, prefix);
  const input = issue.input;
  const last = path[path.length - 1];

  if (issue.type === 'union') {
    // A localized text: explain the object branch when an object was given.
    // Sub-issue paths are relative to the union's value.
    const objectBranch = (issue.issues ?? []).filter((sub) => (sub.path?.length ?? 0) > 0 || sub.type.endsWith('object'));
    if (jsonType(input) === 'object' && objectBranch.length > 0) return objectBranch.flatMap((sub) => convert(sub, path));
    return [problem(path, issue.message === 'localized-text' ? 'localized-text' : 'invalid')];
  }
  if (issue.kind === 'schema' && issue.type.endsWith('object') && issue.expected === 'never') {
    return [problem(path, 'unknown-property', { name: String(last) })];
  }
  if (issue.kind === 'schema' && input === undefined && issue.expected?.startsWith('"')) {
    return [problem(path, 'missing', { name: String(last) })];
  }
  if (issue.type === 'picklist') {
    const options = (issue.expected ?? '').replace(/^\(|\)$/g, '').split(' | ').join(', ');
    return [problem(path, 'one-of', { value: String(input), options })];
  }
  if (OWN_CODES.has(issue.message as ProblemCode)) {
    const requirement = (issue as { requirement?: unknown }).requirement;
    return [problem(path, issue.message as ProblemCode, {
      value: typeof input === 'string' ? input : JSON.stringify(input) ?? String(input),
      ...(typeof requirement === 'number' ? { limit: requirement } : {}),
    })];
  }
  if (typeof input === 'number' && !Number.isFinite(input)) {
    return [problem(path, 'finite', { value: String(input) })];
  }
  if (issue.kind === 'schema') {
    return [problem(path, 'wrong-type', { expected: expectedType(issue), received: jsonType(input) })];
  }
  return [problem(path, 'invalid')];
}

/** Problems for all issues of a failed valibot parse, below `prefix`. */
export function problemsFromIssues(issues: readonly AnyIssue[], prefix: readonly PathSegment[] = []): Problem[] {
  return issues.flatMap((issue) => convert(issue, prefix));
}
