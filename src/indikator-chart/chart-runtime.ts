/**
 * The Chart.js part of the chart element, loaded on demand (dynamic import)
 * so pages with only tables or maps never download it. Only the controllers,
 * elements and scales the five chart types use are registered; tooltips and
 * legends are HTML, not Chart.js plugins.
 */
import { BarController, BarElement, CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement } from 'chart.js';

Chart.register(LineController, BarController, LineElement, PointElement, BarElement, CategoryScale, LinearScale);

export { Chart };
export { chartConfig } from './chart-config.js';
