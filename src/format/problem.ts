import { withLocale } from '../i18n/locale.js';
import { describeProblem, type ProblemCode, type ProblemParams } from './messages.js';

/** One thing wrong with a document, at a JSON path, with a reason in German and English. */
export interface Problem {
  /** JSONPath of the offending value, e.g. `$.observations[3].status`. */
  path: string;
  code: ProblemCode;
  params: ProblemParams;
  message: { de: string; en: string };
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['observations', 3, 'status']` → `$.observations[3].status`. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((acc, s) => {
    if (typeof s === 'number') return `${acc}[${s}]`;
    return PLAIN_KEY.test(s) ? `${acc}.${s}` : `${acc}[${JSON.stringify(s)}]`;
  }, '$');
}

export function problem(path: readonly PathSegment[] | string, code: ProblemCode, params: ProblemParams = {}): Problem {
  return {
    path: typeof path === 'string' ? path : formatPath(path),
    code,
    params,
    // Worded when read: most problems are never shown, and English texts load only when needed.
    message: {
      get de() {
        return withLocale('de', () => describeProblem(code, params));
      },
      get en() {
        return withLocale('en', () => describeProblem(code, params));
      },
    },
  };
}
