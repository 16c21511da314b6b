/**
 * What every adapter takes and gives. Adapters are pure functions from a
 * publisher file (bytes) plus options to a kreisdossier document plus a
 * summary that accounts for every row: nothing is dropped without a count.
 */
import type {
  Dataset,
  Indicator,
  KreisdossierInput,
  RegionLevel,
} from '../src/format/types.js';
import type { Reason } from './adapter-error.js';
import { checkObservationCount } from './limits.js';

/** Metadata the source file lacks; the CLI fills these from flags or a mapping file. */
export interface IndicatorOptions {
  id?: string;
  label?: Indicator['label'];
  unit?: Indicator['unit'];
  decimals?: number;
  topic?: Indicator['topic'];
  explanation?: Indicator['explanation'];
  polarity?: Indicator['polarity'];
  kind?: Indicator['kind'];
}

export interface ImportOptions {
  /** Overrides for dataset metadata (id, title, attribution, licence, …). */
  dataset?: Partial<Dataset>;
  /** Defaults for every indicator the adapter creates. */
  indicator?: IndicatorOptions;
  /** Per indicator id (as the adapter would name it, or as mapped), overrides. */
  indicators?: Record<string, IndicatorOptions>;
  /** Level of regions whose level cannot be told from the key (e.g. 12-digit ARS). */
  regionLevel?: RegionLevel;
  /** Text encoding; detected when left out. */
  encoding?: 'utf-8' | 'windows-1252';
}

/** Counts for the import summary printed to stderr. */
export interface ImportSummary {
  rowsRead: number;
  observationsWritten: number;
  /** Null values by status symbol. */
  nullsByStatus: Record<string, number>;
  /** Rows not turned into observations, with reasons (footer, aggregate, …) and counts. */
  skipped: Array<{ reason: Reason; count: number; firstLine?: number }>;
}

export interface ImportResult {
  document: KreisdossierInput;
  summary: ImportSummary;
}

export function emptySummary(): ImportSummary {
  return { rowsRead: 0, observationsWritten: 0, nullsByStatus: {}, skipped: [] };
}

/** Adds `n` (default one) skipped rows or cells under a reason; nothing when `n` is 0 or less. */
export function skip(summary: ImportSummary, reason: Reason, line?: number, n = 1): void {
  if (n <= 0) return;
  const entry = summary.skipped.find((s) => s.reason.en === reason.en);
  if (entry) entry.count += n;
  else summary.skipped.push({ reason, count: n, ...(line !== undefined ? { firstLine: line } : {}) });
}

/** Counts an observation written (and its null reason). */
export function count(summary: ImportSummary, value: number | null, status?: string): void {
  checkObservationCount(++summary.observationsWritten);
  if (value === null && status) summary.nullsByStatus[status] = (summary.nullsByStatus[status] ?? 0) + 1;
}
