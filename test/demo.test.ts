// The demo page, served with the strict CSP of demo/csp.js, as a visitor gets it.
import { expect, waitUntil } from '@open-wc/testing';

describe('demo page under a strict Content-Security-Policy', () => {
  it('renders every element with zero CSP violations and only same-origin requests', async function () {
    this.timeout(40_000); // four tables and three charts, each chart drawn once scrolled near
    const csp = (await fetch('/demo/index.html')).headers.get('Content-Security-Policy') ?? '';
    expect(csp).to.contain("script-src 'self'").and.not.contain('unsafe-inline').and.not.contain('unsafe-eval').and.not.contain('blob:');

    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    // Tall, so the whole page is laid out at once; the test scrolls each chart into view below.
    frame.style.height = '6000px';
    frame.src = '/demo/index.html';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as Window & { __cspViolations: string[] };

    const tables = [...win.document.querySelectorAll('indikator-tabelle')];
    expect(tables).to.have.length(4);
    const charts = [...win.document.querySelectorAll('indikator-chart')];
    expect(charts).to.have.length(3);
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

    expect(tables.filter((el) => el.shadowRoot!.querySelector('table'))).to.have.length(3);
    expect(tables[3]!.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    for (const chart of charts) {
      const alert = chart.shadowRoot!.querySelector('[role="alert"]');
      expect(alert, `${chart.getAttribute('type') ?? 'line'} chart: ${alert?.textContent?.trim() ?? ''}`).to.be.null;
      expect(chart.shadowRoot!.querySelector('figure canvas')).to.exist;
    }
    expect(win.__cspViolations).to.deep.equal([]);

    const origins = new Set(
      (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => new URL(e.name).origin),
    );
    expect([...origins]).to.deep.equal([location.origin]);
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
