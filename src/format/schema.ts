/**
 * The kreisdossier open-data format, version 1.
 *
 * This valibot schema is the single source of truth: the TypeScript types
 * (`types.ts`) are inferred from it and the shipped JSON Schema
 * (`schema/kreisdossier-1.schema.json`) is generated from it by
 * `npm run schema`. Rules that JSON Schema cannot express (unique keys,
 * references between sections, status vocabulary) live in `rules.ts`.
 *
 * Custom messages below are *codes* (e.g. `region-key`), turned into German
 * and English sentences by `messages.ts`, so the schema stays language-free.
 */
import * as v from 'valibot';
import {
  TOPICS,
  REGION_LEVELS,
  POLARITIES,
  INDICATOR_KINDS,
  GEOMETRY_FORMATS,
  SECTION_ELEMENTS,
  REGION_KEY_PATTERN,
  PERIOD_PATTERN,
  IDENTIFIER_PATTERN,
  DATE_PATTERN,
  DATE_TIME_PATTERN,
  HTTP_URL_PATTERN,
} from './vocabulary.js';

/** Non-blank text; kept exactly as given (official strings are never trimmed or rewritten). */
const text = v.pipe(v.string(), v.regex(/\S/, 'empty-text'));
const identifier = v.pipe(v.string(), v.regex(IDENTIFIER_PATTERN, 'identifier'));
const regionKey = v.pipe(v.string(), v.regex(REGION_KEY_PATTERN, 'region-key'));
const date = v.pipe(v.string(), v.regex(DATE_PATTERN, 'date'));
const dateTime = v.pipe(v.string(), v.regex(DATE_TIME_PATTERN, 'date-time'));
const httpUrl = v.pipe(v.string(), v.regex(HTTP_URL_PATTERN, 'http-url'));
/** A URL of a file, relative to the data file or absolute http(s). */
/** The URL as the browser's URL parser reads it: without tabs and line breaks, trimmed of controls and spaces ("da\tta:" is "data:"). */
const asParsed = (s: string) => s.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
const fileUrl = v.pipe(v.string(), v.nonEmpty('empty-text'), v.check((s) => !/^[a-z][a-z0-9+.-]*:/i.test(asParsed(s)) || HTTP_URL_PATTERN.test(s), 'file-url'));

/** German text, or German with an optional English translation. */
export const LocalizedTextSchema = v.union(
  [text, v.strictObject({ de: text, en: v.optional(text) })],
  'localized-text',
);

export const SourceSchema = v.strictObject({
  /** Publisher, e.g. "Statistische Ämter des Bundes und der Länder". */
  publisher: text,
  /** Table code, e.g. "12411-01-01-4". */
  table: v.optional(text),
  /** Title of the source table. */
  title: v.optional(LocalizedTextSchema),
  url: v.optional(httpUrl),
  /** When the table was downloaded. */
  retrieved: v.optional(dateTime),
});

export const LicenseSchema = v.strictObject({
  /** Short id, e.g. "dl-de/by-2-0" or an SPDX id such as "CC-BY-4.0". */
  id: text,
  name: v.optional(text),
  url: v.optional(httpUrl),
});

export const DatasetSchema = v.strictObject({
  id: identifier,
  title: LocalizedTextSchema,
  description: v.optional(LocalizedTextSchema),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'min-items')),
  license: LicenseSchema,
  /** The exact line to show, e.g. "© Statistische Ämter des Bundes und der Länder, Deutschland, 2024". */
  attribution: text,
  /** "Stand": the date the publisher's data refers to / was last revised. */
  referenceDate: date,
  /** When this file was produced. */
  updated: v.optional(dateTime),
  /** Free-form, namespaced data for tools; never rendered. */
  extensions: v.optional(v.record(v.string(), v.unknown())),
});

export const RegionSchema = v.strictObject({
  /** Official key: AGS (2/3/5/8 digits), Gemeindeverband (9), ARS (12) or "DG". */
  key: regionKey,
  name: text,
  level: v.picklist(REGION_LEVELS, 'region-level'),
  parent: v.optional(regionKey),
});

export const CategorySchema = v.strictObject({
  id: identifier,
  label: LocalizedTextSchema,
});

export const DimensionSchema = v.strictObject({
  /** e.g. "geschlecht", "altersgruppe", "schulart". */
  id: identifier,
  label: LocalizedTextSchema,
  /** In display order (youngest age group first, …). */
  categories: v.pipe(v.array(CategorySchema), v.minLength(1, 'min-items')),
  /** The category that stands for "all" (e.g. "insgesamt"), if the source has one. */
  total: v.optional(identifier),
});

export const IndicatorSchema = v.strictObject({
  id: identifier,
  label: LocalizedTextSchema,
  /** Unit as published, e.g. "Personen", "%", "Jahre", "je 1.000 Einwohner". */
  unit: LocalizedTextSchema,
  decimals: v.pipe(v.number(), v.integer('integer'), v.minValue(0, 'min-value'), v.maxValue(6, 'max-value')),
  topic: v.picklist(TOPICS, 'topic'),
  /** Plain-language explanation ("Was bedeutet das?"). */
  explanation: v.optional(LocalizedTextSchema),
  polarity: v.picklist(POLARITIES, 'polarity'),
  kind: v.picklist(INDICATOR_KINDS, 'kind'),
  /** Ids of the breakdown dimensions every observation of this indicator carries. */
  dimensions: v.optional(v.array(identifier)),
  /**
   * Set when the values are not published as such but computed from official values of other indicators
   * of the same file (e.g. Einkünfte je Steuerpflichtigen); shown as "berechnet aus …" wherever they appear.
   */
  computed: v.optional(
    v.strictObject({
      /** The indicators whose official values it is computed from (same region, period and breakdown). */
      from: v.pipe(v.array(identifier), v.minLength(1, 'min-items')),
      /** The formula in words, e.g. "Gesamtbetrag der Einkünfte (1 000 EUR) × 1 000 ÷ Steuerpflichtige". */
      formula: LocalizedTextSchema,
    }),
  ),
});

/** A status symbol a dataset uses beyond the official GENESIS legend. */
export const StatusSymbolSchema = v.strictObject({
  label: LocalizedTextSchema,
  /** true: the symbol stands in place of a value (value must be null). */
  replacesValue: v.boolean(),
});

export const ObservationSchema = v.pipe(
  v.strictObject({
    indicator: identifier,
    region: regionKey,
    period: v.pipe(v.string(), v.regex(PERIOD_PATTERN, 'period')),
    /** Category per breakdown dimension, e.g. {"geschlecht": "weiblich"}. */
    breakdown: v.optional(v.record(identifier, identifier)),
    value: v.nullable(v.pipe(v.number(), v.finite('finite'))),
    /** GENESIS status symbol ('-', '.', '...', 'x', '/', '()', 'p', 'r', 's', 'e', '|') or one declared in statusSymbols. */
    status: v.optional(v.pipe(v.string(), v.nonEmpty('empty-text'))),
    footnote: v.optional(LocalizedTextSchema),
  }),
  // In the JSON Schema this becomes `if value is null then status is required` (scripts/build-schema.js).
  v.forward(v.check((o) => o.value !== null || o.status !== undefined, 'null-without-status'), ['status']),
);

export const GeometryRefSchema = v.strictObject({
  url: fileUrl,
  format: v.picklist(GEOMETRY_FORMATS, 'geometry-format'),
  /** Feature property holding the region key (default "ags"). */
  keyProperty: v.optional(v.pipe(v.string(), v.nonEmpty('empty-text')), 'ags'),
  /** TopoJSON object name, e.g. "gemeinden". */
  object: v.optional(text),
  level: v.optional(v.picklist(REGION_LEVELS, 'region-level')),
  attribution: text,
  license: v.optional(LicenseSchema),
});

export const DossierSectionSchema = v.strictObject({
  id: identifier,
  title: LocalizedTextSchema,
  text: v.optional(LocalizedTextSchema),
  element: v.picklist(SECTION_ELEMENTS, 'section-element'),
  indicators: v.array(identifier),
  /** Attributes passed on to the element, e.g. {"type": "bar"}. */
  options: v.optional(v.record(identifier, v.union([v.string(), v.number(), v.boolean()], 'option-value'))),
});

export const DossierTopicSchema = v.strictObject({
  topic: v.picklist(TOPICS, 'topic'),
  title: v.optional(LocalizedTextSchema),
  intro: v.optional(LocalizedTextSchema),
  sections: v.array(DossierSectionSchema),
});

export const DossierSchema = v.strictObject({
  topics: v.pipe(v.array(DossierTopicSchema), v.minLength(1, 'min-items')),
});

export const DocumentSchema = v.strictObject({
  $schema: v.optional(v.string()),
  /** Format version; readers accept every 1.x. */
  kreisdossier: v.pipe(v.string(), v.regex(/^1\.\d+$/, 'format-version')),
  dataset: DatasetSchema,
  regions: v.array(RegionSchema),
  dimensions: v.optional(v.array(DimensionSchema)),
  indicators: v.array(IndicatorSchema),
  observations: v.array(ObservationSchema),
  statusSymbols: v.optional(v.record(v.pipe(v.string(), v.nonEmpty('empty-text')), StatusSymbolSchema)),
  geometry: v.optional(GeometryRefSchema),
  dossier: v.optional(DossierSchema),
});

// The vocabulary is part of the schema's API (format.js, the CLI, the JSON Schema build).
export * from './vocabulary.js';
