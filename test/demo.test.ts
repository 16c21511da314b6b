// The demo page, served with the strict CSP of demo/csp.js, as a visitor gets it.
import { expect, waitUntil } from '@open-wc/testing';

type DemoWindow = Window & { __cspViolations: string[] };

/** The demo page in a tall iframe; `rendered` collects every element that fired kd-render since the page loaded. */
async function openDemo(): Promise<{ frame: HTMLIFrameElement; win: DemoWindow; rendered: Set<EventTarget> }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  // Tall, so the whole page is laid out at once; the tests scroll each chart and map into view.
  frame.style.height = '9000px';
  frame.src = '/demo/index.html';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as DemoWindow;
  // A map fires kd-render once MapLibre has drawn (idle); it draws only near the viewport, so never before it is scrolled to.
  const rendered = new Set<EventTarget>();
  win.document.addEventListener('kd-render', (e) => rendered.add(e.target!));
  return { frame, win, rendered };
}

/**
 * Elements draw only near the viewport — for a same-origin frame the IntersectionObserver measures
 * against the top-level one — so each map is scrolled into view, then awaited.
 */
async function drawMap(map: Element, rendered: Set<EventTarget>): Promise<void> {
  map.scrollIntoView({ block: 'center' });
  await waitUntil(
    () => (rendered.has(map) && map.shadowRoot?.querySelector('figure')) || map.shadowRoot?.querySelector('[role="alert"]'),
    `demo map (${map.getAttribute('src') ?? ''}) did not render`,
    { timeout: 15_000 },
  );
}

describe('demo page under a strict Content-Security-Policy', () => {
  it('renders every element with zero CSP violations and only same-origin requests', async function () {
    this.timeout(60_000); // four tables, four charts and two maps, each chart and map drawn once scrolled near
    const csp = (await fetch('/demo/index.html')).headers.get('Content-Security-Policy') ?? '';
    expect(csp).to.contain("script-src 'self'").and.not.contain('unsafe-inline').and.not.contain('unsafe-eval').and.not.contain('blob:');

    const { frame, win, rendered } = await openDemo();
    const tables = [...win.document.querySelectorAll('indikator-tabelle')];
    expect(tables).to.have.length(4);
    const charts = [...win.document.querySelectorAll('indikator-chart')];
    expect(charts).to.have.length(4);
    const maps = [...win.document.querySelectorAll('kreis-map')];
    expect(maps).to.have.length(2);
    await waitUntil(
      () => tables.every((el) => el.shadowRoot?.querySelector('table, [role="alert"]')),
      'demo tables did not render',
      { timeout: 8000 },
    );
    // Charts draw only near the viewport (the top-level one, for a same-origin frame): bring each into view.
    for (const chart of charts) {
      chart.scrollIntoView({ block: 'center' });
      await waitUntil(
        () => drawn(chart) || chart.shadowRoot?.querySelector('[role="alert"]'),
        `demo chart (type ${chart.getAttribute('type') ?? 'line'}) did not render`,
        { timeout: 8000 },
      );
    }
    for (const map of maps) await drawMap(map, rendered);

    expect(tables.filter((el) => el.shadowRoot!.querySelector('table'))).to.have.length(3);
    expect(tables[3]!.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    for (const chart of charts) {
      const alert = chart.shadowRoot!.querySelector('[role="alert"]');
      expect(alert, `${chart.getAttribute('type') ?? 'line'} chart: ${alert?.textContent?.trim() ?? ''}`).to.be.null;
      expect(chart.shadowRoot!.querySelector('figure canvas')).to.exist;
    }
    for (const map of maps) {
      const name = map.getAttribute('src') ?? '';
      const alert = map.shadowRoot!.querySelector('[role="alert"]');
      expect(alert, `map ${name}: ${alert?.textContent?.trim() ?? ''}`).to.be.null;
      // MapLibre was found beside the bundle (dist/maplibre/) and drew: no fallback notice, a WebGL canvas.
      const notice = map.shadowRoot!.querySelector('[part="notice"]');
      expect(notice, `map ${name}: ${notice?.textContent?.trim() ?? ''}`).to.be.null;
      expect(map.shadowRoot!.querySelector('figure .maplibre canvas'), `map ${name}: no canvas`).to.exist;
    }
    expect(win.__cspViolations).to.deep.equal([]);

    const origins = new Set(
      (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => new URL(e.name).origin),
    );
    expect([...origins]).to.deep.equal([location.origin]);
    frame.remove();
  });

  // The map fills its area, and the tooltip shown on focus is positioned without a style attribute
  // (which style-src 'self' would block).
  it('shows the map and the linked chart follows a Kreis chosen with the keyboard, with zero CSP violations', async function () {
    this.timeout(30_000);
    const { frame, win, rendered } = await openDemo();
    const map = win.document.querySelector('kreis-map[linked]')!;
    const chart = win.document.querySelector('indikator-chart[linked]')!;
    await drawMap(map, rendered);
    const area = map.shadowRoot!.querySelector<HTMLElement>('[part="map"]')!;
    const canvas = map.shadowRoot!.querySelector('.maplibre canvas')!;
    expect(canvas.getBoundingClientRect().height).to.equal(area.getBoundingClientRect().height);
    expect(map.shadowRoot!.querySelector('.maplibre')!.getBoundingClientRect().height).to.equal(area.getBoundingClientRect().height);
    // Home walks to the first Kreis (alphabetical: Altmarkkreis Salzwedel), Enter selects it.
    area.focus();
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }));
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitUntil(() => chart.getAttribute('region') === '15081', 'the linked chart did not follow the map', { timeout: 4000 });
    expect(win.__cspViolations).to.deep.equal([]);
    frame.remove();
  });
});

/** Caption and canvas are there, and Chart.js has taken over the canvas (it sets its inline size when it draws). */
function drawn(el: Element): boolean {
  return !!el.shadowRoot?.querySelector('figure') && canvasDrawn(el.shadowRoot.querySelector('canvas'));
}

/** Chart.js sizes the canvas to its box when it draws; an undrawn canvas keeps the default 300 × 150. */
function canvasDrawn(canvas: HTMLCanvasElement | null | undefined): boolean {
  return !!canvas && canvas.hasAttribute('style') && canvas.width > 0 && canvas.height > 0;
}
