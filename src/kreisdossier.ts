/**
 * kreisdossier: embeddable web components for official regional statistics.
 * Importing this module registers every element.
 */
import './indikator-tabelle/define.js';
import './indikator-chart/define.js';
import './kreis-map/define.js';
import './region-auswahl/define.js';
import './themen-dossier/define.js';

export { IndikatorTabelle } from './indikator-tabelle/indikator-tabelle.js';
export { IndikatorChart } from './indikator-chart/indikator-chart.js';
export { KreisMap } from './kreis-map/kreis-map.js';
export { RegionAuswahl } from './region-auswahl/region-auswahl.js';
export { ThemenDossier } from './themen-dossier/themen-dossier.js';
export { KdElement } from './base/kd-element.js';
export { DataStore, type StoredObservation, type ObservationQuery } from './data/data-store.js';
export { DataError, type DataErrorKind, type LocatedProblem } from './data/data-error.js';
export { loadData, type DataSources } from './data/load-data.js';
export { forgetDocument } from './data/document-cache.js';
// The format's types and vocabulary; the validator itself (valibot and the schema) is in `kreisdossier/format.js`,
// so this entry does not load it before the first data file (data/load-validator.ts fetches it then).
export type * from './format/types.js';
export type { ValidationResult } from './format/validate.js';
export type { ProblemCode } from './format/messages.js';
export * from './format/vocabulary.js';
export { formatPath, type Problem } from './format/problem.js';
export { loadLocale, type Locale } from './i18n/locale.js';
export { OFFICIAL_SYMBOLS, QUALIFYING_SYMBOLS, REPLACING_SYMBOLS, statusSymbolInfo, type StatusSymbolInfo } from './format/status-symbols.js';
export { observationKey } from './format/observation-key.js';
