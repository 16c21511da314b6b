/** Types of the format, inferred from the schema (never written by hand). */
import type * as v from 'valibot';
import type {
  CategorySchema,
  DatasetSchema,
  DimensionSchema,
  DocumentSchema,
  DossierSchema,
  DossierSectionSchema,
  DossierTopicSchema,
  GeometryRefSchema,
  IndicatorSchema,
  LicenseSchema,
  LocalizedTextSchema,
  ObservationSchema,
  RegionSchema,
  SourceSchema,
  INDICATOR_KINDS,
  POLARITIES,
  REGION_LEVELS,
  TOPICS,
} from './schema.js';

/** A kreisdossier file after validation (defaults applied). */
export type KreisdossierDocument = v.InferOutput<typeof DocumentSchema>;
/** A kreisdossier file as written (before defaults are applied). */
export type KreisdossierInput = v.InferInput<typeof DocumentSchema>;
export type LocalizedText = v.InferOutput<typeof LocalizedTextSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type License = v.InferOutput<typeof LicenseSchema>;
export type Region = v.InferOutput<typeof RegionSchema>;
export type Dimension = v.InferOutput<typeof DimensionSchema>;
export type Category = v.InferOutput<typeof CategorySchema>;
export type Indicator = v.InferOutput<typeof IndicatorSchema>;
export type Observation = v.InferOutput<typeof ObservationSchema>;
export type GeometryRef = v.InferOutput<typeof GeometryRefSchema>;
export type Dossier = v.InferOutput<typeof DossierSchema>;
export type DossierTopic = v.InferOutput<typeof DossierTopicSchema>;
export type DossierSection = v.InferOutput<typeof DossierSectionSchema>;
export type Topic = (typeof TOPICS)[number];
export type RegionLevel = (typeof REGION_LEVELS)[number];
export type Polarity = (typeof POLARITIES)[number];
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
