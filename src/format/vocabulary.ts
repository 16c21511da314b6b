/**
 * The format's vocabulary and patterns, without valibot: elements and the loader use them without
 * loading the validator (see data/load-validator.ts); the schema builds on them.
 */
export const FORMAT_VERSION = '1.0';

export const TOPICS = [
  'Bevölkerung',
  'Gesundheit und Pflege',
  'Bildung',
  'Arbeitsmarkt und Wirtschaft',
  'Soziale Lage',
  'Digitalisierung',
  'Strukturwandel',
] as const;

export const REGION_LEVELS = [
  'Bund',
  'Land',
  'Regierungsbezirk',
  'Kreis',
  'Gemeindeverband',
  'Gemeinde',
] as const;

export const POLARITIES = ['higher-is-better', 'higher-is-worse', 'neutral'] as const;
export const INDICATOR_KINDS = ['count', 'share', 'rate', 'mean', 'index'] as const;
export const GEOMETRY_FORMATS = ['geojson', 'topojson'] as const;
export const SECTION_ELEMENTS = ['figures', 'chart', 'map', 'table', 'text'] as const;

/** "DG" (Deutschland), AGS of 2/3/5/8 digits, Gemeindeverband 9 digits, ARS 12 digits. */
export const REGION_KEY_PATTERN = /^(?:DG|\d{2}|\d{3}|\d{5}|\d{8}|\d{9}|\d{12})$/;
/** Year, month, Stichtag (ISO date), quarter or school/academic year (2015/16). */
export const PERIOD_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|-Q[1-4]|\/\d{2})?$/;
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
/** A date, optionally with time and zone (ISO 8601 / RFC 3339). */
export const DATE_TIME_PATTERN =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
/** Only web links: data never gets to inject `javascript:` or `data:` URLs. */
export const HTTP_URL_PATTERN = /^https?:\/\/[^\s]+$/;
