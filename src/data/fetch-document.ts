import { problem } from '../format/problem.js';
import type { Catalogue } from '../format/catalogue-schema.js';
import type { KreisdossierDocument } from '../format/types.js';
import type { ValidationResult } from '../format/validate.js';
import { DataError, locate } from './data-error.js';
import { loadCatalogueSupport } from './catalogue-loader.js';
import { loadValidator } from './load-validator.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

/** What a `src` URL holds: one data file, or a catalogue listing many (fetched as a view needs them). */
export type LoadedSource = { kind: 'document'; document: KreisdossierDocument } | { kind: 'catalogue'; catalogue: Catalogue; url: string };

/** Fetches and validates one file: a data file or a catalogue (told apart by `kreisdossierCatalogue`). */
export async function fetchSource(
  url: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  /** 'reload' bypasses the HTTP cache (a retry after a failure). */
  cache: RequestCache = 'default',
): Promise<LoadedSource> {
  const validator = loadValidator();
  const text = await fetchText(url, timeoutMs, cache);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    await validator; // brings the problems' sentences
    rejectInvalid({ valid: false, problems: [problem('$', 'json-syntax', { detail: (error as Error).message })] }, url);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'kreisdossierCatalogue')) {
    // The catalogue code (with its validator) comes only for catalogues; the problems' sentences come with the validator.
    const [support] = await Promise.all([loadCatalogueSupport(), validator]);
    const result = support.validateCatalogue(value);
    if (!result.valid) rejectInvalid(result, url);
    return { kind: 'catalogue', catalogue: result.catalogue, url };
  }
  return { kind: 'document', document: rejectInvalid(await (await validator).validateDocumentInSlices(value, pause), url) };
}

/** Fetches and validates one data file (a catalogue is not one). */
export async function fetchDocument(url: string, timeoutMs = DEFAULT_TIMEOUT_MS, cache: RequestCache = 'default'): Promise<KreisdossierDocument> {
  const source = await fetchSource(url, timeoutMs, cache);
  if (source.kind === 'document') return source.document;
  throw new DataError('schema', { source: url, problems: locate([problem(['kreisdossierCatalogue'], 'catalogue-alone')], url) });
}

/** Yields to the page between validation slices: input and rendering go first. */
export function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

function rejectInvalid(result: { valid: false; problems: ValidationResult['problems'] }, source: string): never;
function rejectInvalid(result: ValidationResult, source: string): KreisdossierDocument;
function rejectInvalid(result: ValidationResult | { valid: false; problems: ValidationResult['problems'] }, source: string): KreisdossierDocument {
  if (result.valid) return result.document;
  const kind = result.problems[0]?.code === 'json-syntax' ? 'json' : 'schema';
  throw new DataError(kind, { source, problems: locate(result.problems, source) });
}

/**
 * The body of a file, or a DataError (network, HTTP status, timeout). Requests
 * carry no credentials for other origins and no referrer, so nothing about the
 * visitor travels beyond the URL itself.
 */
export async function fetchText(url: string, timeoutMs = DEFAULT_TIMEOUT_MS, cache: RequestCache = 'default'): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let text: string;
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        cache,
        credentials: 'same-origin',
        referrerPolicy: 'no-referrer',
        headers: { Accept: 'application/json' },
      });
    } catch (cause) {
      throw new DataError(controller.signal.aborted ? 'timeout' : 'network', { source: url, cause });
    }
    if (!response.ok) throw new DataError('http', { source: url, status: response.status });
    try {
      text = await response.text();
    } catch (cause) {
      throw new DataError(controller.signal.aborted ? 'timeout' : 'network', { source: url, cause });
    }
  } finally {
    clearTimeout(timer);
  }
  return text;
}

/** Validates JSON text from any origin (a file, an inline script). */
export async function parseText(text: string, source: string): Promise<KreisdossierDocument> {
  return rejectInvalid((await loadValidator()).parseDocument(text), source);
}

/** Validates a document handed over as a value (the `data` property). */
export async function checkDocument(value: unknown, source: string): Promise<KreisdossierDocument> {
  return rejectInvalid((await loadValidator()).validateDocument(value), source);
}
