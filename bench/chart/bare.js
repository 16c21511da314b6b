// The baseline for scripts/bench-chart.js: the same two index lines as
// <indikator-chart region="15085" compare="parent" mode="index">, drawn with
// Chart.js alone (same registered pieces for lines, same size, same animation rule).
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale);

const doc = await (await fetch('/examples/bevoelkerung-harz.json')).json();
const rows = doc.observations.filter((o) => o.indicator === 'bevoelkerung' && o.breakdown?.geschlecht === 'insgesamt');
const periods = [...new Set(rows.map((o) => o.period))].sort();
const values = ['15085', '15'].map((region) => periods.map((p) => rows.find((o) => o.region === region && o.period === p)?.value ?? null));
// Base period: the first in which both regions have a value; index = value / base * 100.
const base = periods.findIndex((_, i) => values.every((v) => v[i] != null));
const index = values.map((v) => v.map((x) => (x == null ? null : (x / v[base]) * 100)));

let drawn = false;
new Chart(document.querySelector('canvas'), {
  type: 'line',
  data: {
    labels: periods.map((p) => p.slice(0, 4)),
    datasets: [
      { label: 'Landkreis Harz', data: index[0], borderColor: '#1f5f99', borderWidth: 3 },
      { label: 'Sachsen-Anhalt', data: index[1], borderColor: '#888', borderWidth: 2, borderDash: [6, 4] },
    ],
  },
  options: {
    responsive: true,
    maintainAspectRatio: false,
    // The element's rule: 300 ms unless the reader prefers reduced motion.
    animation: matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 300 },
  },
  plugins: [
    {
      id: 'firstChart',
      afterRender() {
        if (drawn) return;
        drawn = true;
        requestAnimationFrame(() => (window.__firstChart = performance.now()));
      },
    },
  ],
});
