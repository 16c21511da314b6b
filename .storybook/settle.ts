/**
 * Waits, after a story rendered, until its kreisdossier elements are done: each has drawn its data
 * (`kd-render`) or shows its error (`kd-error`). Storybook's a11y addon runs axe right after the story's
 * hooks; without this wait it would check the "Daten werden geladen …" placeholder, not the table, chart or
 * map. The outcome is added as a `kreisdossier` report to the story's result (STORY_FINISHED, the test status
 * in the UI), which the browser test test/storybook/stories.test.ts reads.
 */
import type { StoryContext } from '@storybook/web-components-vite';

export const ELEMENT_TAGS = ['indikator-tabelle', 'indikator-chart', 'kreis-map', 'region-auswahl', 'themen-dossier'] as const;

/** Charts and maps draw only near the viewport (src/base/near-viewport.ts); elements further down are not awaited. */
const NEAR_VIEWPORT_PX = 200;
/** Longer than any story needs (the nationwide Gemeinde map takes a few seconds); then the story is reported as failed. */
const SETTLE_TIMEOUT_MS = 20_000;

export type Outcome = 'render' | 'error' | 'pending' | 'offscreen';
export interface ElementReport {
  tag: string;
  outcome: Outcome;
}

/** The last kd-render / kd-error of every element, with its time. Events are composed: the document sees all. */
const outcomes = new WeakMap<Element, { outcome: 'render' | 'error'; at: number }>();
for (const type of ['kd-render', 'kd-error'] as const) {
  document.addEventListener(
    type,
    (event) => {
      const target = event.composedPath()[0];
      if (target instanceof Element) outcomes.set(target, { outcome: type === 'kd-render' ? 'render' : 'error', at: performance.now() });
    },
    true,
  );
}

/** When the current render began: outcomes from an earlier render (before a control changed) do not count. */
let renderStart = 0;

export const markRenderStart = (): void => {
  renderStart = performance.now();
};

function outcomeOf(element: Element): Outcome {
  const last = outcomes.get(element);
  if (last && last.at >= renderStart) return last.outcome;
  // An error shown again (a control changed, same failure) is not reported twice by the element.
  if (element.shadowRoot?.querySelector('[role="alert"][part~="error"]')) return 'error';
  if (element.getBoundingClientRect().top >= innerHeight + NEAR_VIEWPORT_PX) return 'offscreen';
  return 'pending';
}

export const waitForElements = async ({ canvasElement, viewMode, reporting }: StoryContext): Promise<void> => {
  // Docs pages render many stories at once and run no a11y check.
  if (viewMode !== 'story') return;
  const elements = [...canvasElement.querySelectorAll(ELEMENT_TAGS.join(','))];
  if (!elements.length) return;
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  let report: ElementReport[];
  for (;;) {
    report = elements.map((element) => ({ tag: element.localName, outcome: outcomeOf(element) }));
    if (!report.some((r) => r.outcome === 'pending') || performance.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // One more frame: what the last render put on screen is laid out before axe measures contrast.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const pending = report.filter((r) => r.outcome === 'pending');
  if (pending.length) console.warn(`[kreisdossier] not rendered after ${SETTLE_TIMEOUT_MS / 1000} s: ${pending.map((r) => `<${r.tag}>`).join(', ')}`);
  reporting.addReport({ type: 'kreisdossier', version: 1, result: { elements: report }, status: pending.length ? 'failed' : 'passed' });
};
