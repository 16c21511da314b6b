/**
 * The standalone chart file (dist/indikator-chart.js): registers the element
 * and loads Chart.js in the same module graph, in parallel with the element's
 * code, instead of after it — a page that includes this file draws a chart.
 * (dist/kreisdossier.js, with every element, still fetches Chart.js only when
 * a chart is on the page.)
 */
import './chart-runtime.js';

export * from './define.js';
