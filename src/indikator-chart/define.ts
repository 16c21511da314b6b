import { defineElement } from '../base/define.js';
import { IndikatorChart } from './indikator-chart.js';

defineElement('indikator-chart', IndikatorChart);

export { IndikatorChart };
