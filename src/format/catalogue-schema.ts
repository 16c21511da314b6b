/**
 * The kreisdossier catalogue, version 1: one small file that lists many data, boundary and dossier files and
 * what each covers (indicators and topics, region levels, region key prefixes, periods, bytes), so that an
 * element pointed at the catalogue fetches only the files its current view needs. Nationwide data stay a folder
 * of static files: a view of one Kreis loads that Kreis's part, not Germany.
 *
 * Like the data format, this valibot schema is the single source: types are inferred from it and the JSON
 * Schema (`schema/kreisdossier-catalogue-1.schema.json`) is generated from it.
 */
import * as v from 'valibot';
import { DATE_PATTERN, DATE_TIME_PATTERN, IDENTIFIER_PATTERN, PERIOD_PATTERN, REGION_KEY_PATTERN, REGION_LEVELS, TOPICS } from './vocabulary.js';
import { GeometryRefSchema, LicenseSchema, LocalizedTextSchema } from './schema.js';

/** Catalogue format version written by this library; readers accept every 1.x. */
export const CATALOGUE_VERSION = '1.0';

/** "DG" or the leading digits of official keys: "15" covers Sachsen-Anhalt and everything in it. */
export const KEY_PREFIX_PATTERN = /^(?:DG|\d{2,12})$/;

const text = v.pipe(v.string(), v.regex(/\S/, 'empty-text'));
const identifier = v.pipe(v.string(), v.regex(IDENTIFIER_PATTERN, 'identifier'));
const regionKey = v.pipe(v.string(), v.regex(REGION_KEY_PATTERN, 'region-key'));
const keyPrefix = v.pipe(v.string(), v.regex(KEY_PREFIX_PATTERN, 'key-prefix'));
const period = v.pipe(v.string(), v.regex(PERIOD_PATTERN, 'period'));
const level = v.picklist(REGION_LEVELS, 'region-level');
const bytes = v.pipe(v.number(), v.integer('integer'), v.minValue(0, 'min-value'));
/** Relative to the catalogue, or absolute http(s) (the same rule as a geometry reference's url). */
const fileUrl = GeometryRefSchema.entries.url;
const prefixes = v.pipe(v.array(keyPrefix), v.minLength(1, 'min-items'));

/** A region the catalogue knows by name: Deutschland, the Länder, Regierungsbezirke and Kreise (the Gemeinden are in `regionFiles`). */
export const CatalogueRegionSchema = v.strictObject({
  key: regionKey,
  name: text,
  level,
  parent: v.optional(regionKey),
  /** The official type, e.g. "Landkreis", "Kreisfreie Stadt", "Stadtkreis" (BKG VG5000 `BEZ`). */
  type: v.optional(text),
  /** Inhabitants, as the latest population figure of the catalogue's data says; used only to group similar regions. */
  population: v.optional(v.pipe(v.number(), v.integer('integer'), v.minValue(0, 'min-value'))),
  /** Regions of the same level sharing a boundary with it (from the boundary geometry). */
  neighbours: v.optional(v.array(regionKey)),
});

/** A kreisdossier data file and what it covers. */
export const CatalogueDataFileSchema = v.strictObject({
  url: fileUrl,
  /** Size of the file in bytes, as stored (uncompressed). */
  bytes,
  /** The file's `dataset.id`. */
  dataset: identifier,
  indicators: v.pipe(v.array(v.strictObject({ id: identifier, topic: v.picklist(TOPICS, 'topic') })), v.minLength(1, 'min-items')),
  /** Levels of the regions the file has observations for. */
  levels: v.pipe(v.array(level), v.minLength(1, 'min-items')),
  /** Every region the file has observations for has a key starting with one of these. */
  regions: prefixes,
  /** First and last period with observations. */
  periods: v.strictObject({ first: period, last: period }),
});

/** A boundary file (GeoJSON or TopoJSON) of one level, as a geometry reference plus what it covers. */
export const CatalogueGeometrySchema = v.strictObject({
  ...GeometryRefSchema.entries,
  level,
  regions: prefixes,
  bytes,
});

/** A kreisdossier file listing regions (no observations): names the picker searches, loaded when needed. */
export const CatalogueRegionFileSchema = v.strictObject({
  url: fileUrl,
  level,
  regions: prefixes,
  bytes,
});

/** A dossier definition (a kreisdossier file with `dossier`) and the regions it is written for. */
export const CatalogueDossierSchema = v.strictObject({
  url: fileUrl,
  /** Regions whose pages follow this definition; without: every region. The longest matching prefix wins. */
  regions: v.optional(prefixes),
  bytes,
});

/** A region key that the boundaries no longer have: a dissolved or merged Kreis, and where its area went. */
export const RegionChangeSchema = v.strictObject({
  key: regionKey,
  name: text,
  /** The regions that took over its area, when that is one or a few whole regions. */
  successors: v.optional(v.array(regionKey)),
  /** Day the change took effect. */
  date: v.optional(v.pipe(v.string(), v.regex(DATE_PATTERN, 'date'))),
  /** What happened, and what the data files hold of it. */
  note: LocalizedTextSchema,
});

export const CatalogueSchema = v.strictObject({
  $schema: v.optional(v.string()),
  /** Catalogue format version; readers accept every 1.x. */
  kreisdossierCatalogue: v.pipe(v.string(), v.regex(/^1\.\d+$/, 'format-version')),
  title: v.optional(LocalizedTextSchema),
  updated: v.optional(v.pipe(v.string(), v.regex(DATE_TIME_PATTERN, 'date-time'))),
  /** Attribution and licence of the region names, types and neighbours (usually those of the boundaries). */
  regionsAttribution: v.optional(text),
  regionsLicense: v.optional(LicenseSchema),
  regions: v.array(CatalogueRegionSchema),
  regionFiles: v.optional(v.array(CatalogueRegionFileSchema), []),
  data: v.array(CatalogueDataFileSchema),
  geometry: v.optional(v.array(CatalogueGeometrySchema), []),
  dossiers: v.optional(v.array(CatalogueDossierSchema), []),
  regionChanges: v.optional(v.array(RegionChangeSchema), []),
});

export type Catalogue = v.InferOutput<typeof CatalogueSchema>;
export type CatalogueInput = v.InferInput<typeof CatalogueSchema>;
export type CatalogueRegion = v.InferOutput<typeof CatalogueRegionSchema>;
export type CatalogueDataFile = v.InferOutput<typeof CatalogueDataFileSchema>;
export type CatalogueGeometry = v.InferOutput<typeof CatalogueGeometrySchema>;
export type CatalogueRegionFile = v.InferOutput<typeof CatalogueRegionFileSchema>;
export type CatalogueDossier = v.InferOutput<typeof CatalogueDossierSchema>;
export type RegionChange = v.InferOutput<typeof RegionChangeSchema>;
