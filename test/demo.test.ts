// The demo page, served with the strict CSP of demo/csp.js, as a visitor gets it.
import { expect, waitUntil } from '@open-wc/testing';

describe('demo page under a strict Content-Security-Policy', () => {
  it('renders every element with zero CSP violations and only same-origin requests', async () => {
    const csp = (await fetch('/demo/index.html')).headers.get('Content-Security-Policy') ?? '';
    expect(csp).to.contain("script-src 'self'").and.not.contain('unsafe-inline').and.not.contain('unsafe-eval').and.not.contain('blob:');

    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '800px';
    frame.src = '/demo/index.html';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as Window & { __cspViolations: string[] };
    const elements = [...win.document.querySelectorAll('indikator-tabelle')];
    expect(elements).to.have.length(4);
    await waitUntil(
      () => elements.every((el) => el.shadowRoot?.querySelector('table, [role="alert"]')),
      'demo elements did not render',
      { timeout: 8000 },
    );
    expect(elements.filter((el) => el.shadowRoot!.querySelector('table'))).to.have.length(3);
    expect(elements[3]!.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    expect(win.__cspViolations).to.deep.equal([]);

    const origins = new Set(
      (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => new URL(e.name).origin),
    );
    expect([...origins]).to.deep.equal([location.origin]);
    frame.remove();
  });
});
