import { parseDocument } from '../format/validate.js';
import type { KreisdossierDocument } from '../format/types.js';
import { DataError, locate } from './data-error.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Fetches and validates one data file. */
export async function fetchDocument(
  url: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  /** 'reload' bypasses the HTTP cache (a retry after a failure). */
  cache: RequestCache = 'default',
): Promise<KreisdossierDocument> {
  return parseText(await fetchText(url, timeoutMs, cache), url);
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
export function parseText(text: string, source: string): KreisdossierDocument {
  const result = parseDocument(text);
  if (result.valid) return result.document;
  const kind = result.problems[0]?.code === 'json-syntax' ? 'json' : 'schema';
  throw new DataError(kind, { source, problems: locate(result.problems, source) });
}
