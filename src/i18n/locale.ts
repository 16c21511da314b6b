/**
 * Per-element language for @lit/localize.
 *
 * @lit/localize has one active locale per page, but a German page may embed an
 * English chart (`lang="en"`). Our renders are synchronous, so we install a
 * `msg()` implementation that reads the locale of the render in progress:
 * `withLocale('en', () => …)` around a render or a message lookup.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { templates as Catalogue } from '../generated/locales/en.js';

export type Locale = 'de' | 'en';
export const SOURCE_LOCALE: Locale = 'de';

let current: Locale = SOURCE_LOCALE;
/** The English catalogue, fetched the first time an English element appears (German pages never load it). */
let en: typeof Catalogue | undefined;
let loadingEn: Promise<void> | undefined;

/** Makes `locale` available to `msg()`; resolves at once for German, the source language. */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === SOURCE_LOCALE || en) return Promise.resolve();
  return (loadingEn ??= import('../generated/locales/en.js').then(
    (m) => {
      en = m.templates;
    },
    (error: unknown) => {
      loadingEn = undefined; // German strings until a later attempt succeeds
      console.warn('[kreisdossier] English texts could not be loaded', error);
    },
  ));
}

/** Whether `msg()` can speak `locale` now. */
export function isLocaleLoaded(locale: Locale): boolean {
  return locale === SOURCE_LOCALE || en !== undefined;
}

try {
  _installMsgImplementation(((template: never, options: never) =>
    runtimeMsg(current === 'en' ? en : undefined, template, options)) as never);
} catch {
  // Another copy of the app configured @lit/localize on this same module
  // instance first; our strings then follow that configuration (German).
  console.warn('[kreisdossier] @lit/localize was configured elsewhere; per-element languages are unavailable.');
}

/** Runs `fn` with `locale` as the language of every `msg()` call inside it. */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  const previous = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** The locale of the render in progress. */
export function currentLocale(): Locale {
  return current;
}

/** Maps any BCP 47 tag to a supported locale: English for `en*`, German otherwise. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag.trim()) ? 'en' : 'de';
}

/**
 * The language of a node: its own `lang`, or the nearest ancestor's, crossing
 * shadow-root boundaries (an element composed inside another element's shadow
 * DOM speaks the language of its host's page).
 */
export function langOf(node: Node): Locale {
  let n: Node | null = node;
  while (n) {
    if (n instanceof Element && n.hasAttribute('lang')) return toLocale(n.getAttribute('lang'));
    n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return SOURCE_LOCALE;
}
