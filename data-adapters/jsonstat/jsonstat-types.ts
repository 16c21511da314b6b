/**
 * JSON-stat 2.0 as far as this adapter reads and writes it
 * (https://json-stat.org/format/), and the `extension.kreisdossier` block an
 * export carries so that an import gives back the very same document.
 */
import type { KreisdossierInput, LocalizedText } from '../../src/format/types.js';

export interface JsonStatUnit {
  label?: string;
  decimals?: number;
  symbol?: string;
  position?: 'start' | 'end';
  [other: string]: unknown;
}

export interface JsonStatCategory {
  index?: string[] | Record<string, number>;
  label?: Record<string, string>;
  unit?: Record<string, JsonStatUnit>;
  child?: Record<string, string[]>;
  note?: Record<string, string[]>;
}

export interface JsonStatDimension {
  label?: string;
  category: JsonStatCategory;
  note?: string[];
  extension?: Record<string, unknown>;
}

export interface JsonStatDataset {
  version: '2.0';
  class: 'dataset';
  href?: string;
  label?: string;
  note?: string[];
  source?: string;
  updated?: string;
  id: string[];
  size: number[];
  role?: { time?: string[]; geo?: string[]; metric?: string[] };
  dimension: Record<string, JsonStatDimension>;
  value: Array<number | null> | Record<string, number | null>;
  status?: string | Array<string | null> | Record<string, string>;
  extension?: Record<string, unknown>;
}

/** Everything of a kreisdossier document JSON-stat has no slot for, under `extension.kreisdossier`. */
export interface KreisdossierExtension {
  /** The document without its observations (those are the cube's values and statuses). */
  document: Omit<KreisdossierInput, 'observations'>;
  /** Observation footnotes by cell position. */
  footnotes?: Record<string, LocalizedText>;
  /** Cells holding a null with the "no value in the source" symbol, which JSON-stat writes as a bare null. */
  noValueInSource?: number[];
  /** Cell positions in the document's observation order, when that is not the cube order. */
  order?: number[];
}

/**
 * A JSON-stat null without a status still needs a reason in the kreisdossier
 * format: it gets this declared symbol, and an export turns it back into a bare null.
 */
export const NO_VALUE_SYMBOL = 'leer';
export const NO_VALUE_DECLARATION = {
  label: { de: 'kein Wert in der Quelle (null ohne Status)', en: 'no value in the source (null without status)' },
  replacesValue: true,
} as const;

/** Category of a breakdown dimension for indicators not broken down by it (never a valid kreisdossier id). */
export const NOT_BROKEN_DOWN = '_';
