import { withLocale } from '../i18n/locale.js';
import type { ProblemCode, ProblemParams } from './messages.js';

/** One thing wrong with a document, at a JSON path, with a reason in German and English. */
export interface Problem {
  /** JSONPath of the offending value, e.g. `$.observations[3].status`. */
  path: string;
  code: ProblemCode;
  params: ProblemParams;
  /** The reason in German and English. English needs its texts loaded first: `await loadLocale('en')` (from format.js). */
  message: { de: string; en: string };
}

export type PathSegment = string | number;

type Describe = (code: ProblemCode, params: ProblemParams) => string;
let describe: Describe | undefined;

/**
 * Registered by messages.ts when it loads. The sentences travel with the validator (a problem is only ever
 * shown after the validator has loaded), so the core script every element needs stays small; until then a
 * problem reads as its code.
 */
export function useMessages(fn: Describe): void {
  describe = fn;
}

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
        return describe ? withLocale('de', () => describe!(code, params)) : code;
      },
      get en() {
        return describe ? withLocale('en', () => describe!(code, params)) : code;
      },
    },
  };
}
