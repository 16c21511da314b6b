// Issue 7.2: every element under exactly the smallest strict policy a cautious site sends — no 'unsafe-inline',
// no 'unsafe-eval', no blob: — renders, and the browser reports zero violations.
import { expect, waitUntil } from '@open-wc/testing';
import { MINIMAL_STRICT_CSP as POLICY } from '../../demo/csp.js';
import { TAG } from '../fixtures/demo-files.js';

const ELEMENTS = Object.values(TAG).join(', ');

type CspWindow = Window & { __cspViolations: string[]; __kdRendered: Set<EventTarget>; __kdFailed: Set<EventTarget> };

/** Every kreisdossier element on the page, also those a dossier composes inside its shadow root. */
function allElements(root: Document | ShadowRoot): Element[] {
  return [...root.querySelectorAll(ELEMENTS)].flatMap((el) => [el, ...(el.shadowRoot ? allElements(el.shadowRoot) : [])]);
}

/**
 * kd-render of an element inside the dossier reaches the document retargeted to the dossier, so elements
 * inside it are judged by what they show: the picker's field, a table, a drawn canvas, a map's canvas.
 */
function drawn(win: CspWindow, el: Element): boolean {
  if (win.__kdRendered.has(el)) return true;
  const root = el.shadowRoot;
  switch (el.localName) {
    case 'region-auswahl':
      return !!root?.querySelector('input[role="combobox"]');
    case 'indikator-tabelle':
      return !!root?.querySelector('table');
    case 'indikator-chart':
      return !!root?.querySelector('canvas[style]');
    case 'kreis-map':
      return !!root?.querySelector('.maplibre canvas');
    default:
      return false;
  }
}

describe('strict Content-Security-Policy', function () {
  this.timeout(120_000);

  it('all elements render under exactly the minimal strict policy, with zero violations', async () => {
    const response = await fetch('/test/hardening/csp-page.html');
    expect(response.headers.get('Content-Security-Policy')).to.equal(POLICY);

    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '900px';
    frame.src = '/test/hardening/csp-page.html';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as CspWindow;

    // The dossier composes its elements once its data are in: wait for it, then for everything inside.
    const dossier = win.document.querySelector('themen-dossier')!;
    await waitUntil(() => dossier.shadowRoot?.querySelector('article[aria-busy="false"]'), 'the dossier did not render', { timeout: 30_000 });
    const elements = allElements(win.document);
    expect(elements.map((e) => e.localName)).to.include.members(Object.values(TAG));
    for (const el of elements) {
      // Charts and maps draw only near the viewport.
      el.scrollIntoView({ block: 'center' });
      await waitUntil(() => drawn(win, el) || !!el.shadowRoot?.querySelector('[role="alert"]'), `<${el.localName} ${el.getAttribute('indicator') ?? ''}> did not render`, { timeout: 20_000 });
      const alert = el.shadowRoot!.querySelector('[role="alert"]');
      expect(alert, `<${el.localName}>: ${alert?.textContent?.trim() ?? ''}`).to.be.null;
    }
    // Maps really drew with WebGL from the same-origin module worker, not the table fallback.
    for (const map of elements.filter((e) => e.localName === 'kreis-map')) {
      expect(map.shadowRoot!.querySelector('[part="notice"]'), 'map fallback notice').to.be.null;
      expect(map.shadowRoot!.querySelector('.maplibre canvas'), 'map canvas').to.exist;
    }
    expect(elements.filter((e) => e.localName === 'kreis-map').length).to.be.at.least(3);
    expect(win.__cspViolations).to.deep.equal([]);
    frame.remove();
  });
});
