import type { Problem } from '../format/problem.js';

export type DataErrorKind =
  /** fetch failed: offline, DNS, CORS, connection refused */
  | 'network'
  /** the server answered with a non-2xx status */
  | 'http'
  /** no answer within the element's timeout */
  | 'timeout'
  /** the body is not JSON (syntax error, an HTML error page) */
  | 'json'
  /** JSON, but not a valid kreisdossier document */
  | 'schema'
  /** several files contradict each other */
  | 'conflict'
  /** no src, no inline data and no data property */
  | 'no-data'
  /** an attribute names something the data does not have */
  | 'unknown-indicator'
  | 'unknown-region'
  | 'unknown-period'
  | 'unknown-breakdown'
  /** <themen-dossier>: a topic that is not one of the seven */
  | 'unknown-topic'
  /** the selection is valid but has no observations */
  | 'empty'
  /** a boundary file that is not GeoJSON/TopoJSON, or whose features lack the key property */
  | 'geometry';

/** A problem plus the file it was found in (URL, "inline #1" or "data"). */
export interface LocatedProblem extends Problem {
  source: string;
}

/** Every way data can fail to arrive; rendered by elements as an alert. */
export class DataError extends Error {
  readonly kind: DataErrorKind;
  readonly source: string | undefined;
  readonly status: number | undefined;
  /** The attribute value that named something unknown (indicator id, region key, period). */
  readonly value: string | undefined;
  readonly problems: readonly LocatedProblem[];

  constructor(
    kind: DataErrorKind,
    detail: { source?: string; status?: number; value?: string; problems?: readonly LocatedProblem[]; cause?: unknown; message?: string } = {},
  ) {
    super(detail.message ?? kind, { cause: detail.cause });
    this.name = 'DataError';
    this.kind = kind;
    this.source = detail.source;
    this.status = detail.status;
    this.value = detail.value;
    this.problems = detail.problems ?? [];
  }

  /** Worth a retry button: the next attempt may succeed. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'http' || this.kind === 'timeout';
  }
}

export function locate(problems: readonly Problem[], source: string): LocatedProblem[] {
  return problems.map((p) => ({ ...p, source }));
}
