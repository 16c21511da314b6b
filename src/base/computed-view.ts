/** The "berechnet aus: <formula>" line of a computed indicator, as an element (nothing for an official indicator). */
import { html, nothing, type TemplateResult } from 'lit';
import type { Indicator } from '../format/types.js';
import { computedNote } from '../i18n/computed.js';

/**
 * ` <span class="computed">berechnet aus: …</span>` after a caption or title (the space keeps the words apart
 * in the accessible name where CSS puts the note on a line of its own), or a `<p>`; the formula bound as text.
 */
export function renderComputedNote(indicator: Pick<Indicator, 'computed'>, tag: 'span' | 'p' = 'span'): TemplateResult | typeof nothing {
  const note = computedNote(indicator);
  if (!note) return nothing;
  return tag === 'p' ? html`<p class="computed">${note}</p>` : html` <span class="computed">${note}</span>`;
}
