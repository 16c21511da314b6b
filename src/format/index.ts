export * from './schema.js';
export type * from './types.js';
export { validateDocument, parseDocument, type ValidationResult } from './validate.js';
export { formatPath, type Problem } from './problem.js';
/** `await loadLocale('en')` before reading `problem.message.en` (the English texts load on demand). */
export { loadLocale, type Locale } from '../i18n/locale.js';
export type { ProblemCode } from './messages.js';
export { OFFICIAL_SYMBOLS, QUALIFYING_SYMBOLS, REPLACING_SYMBOLS, statusSymbolInfo, type StatusSymbolInfo } from './status-symbols.js';
export { observationKey } from './observation-key.js';
