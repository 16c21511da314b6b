// Issue 7.5: a hostile host page. Every element kind on one page whose CMS theme piles up aggressive global
// CSS (test/hardening/hostile.css), which loads the library twice (two plugins, two URLs) and has a third
// plugin with its own copy of Lit. The elements must still render as designed, keep working from the keyboard
// with a visible focus ring, and pass axe; nothing may reach the page as an error.
//
// What the page can and cannot do to an element (the CSS cascade around a shadow root):
// - Selectors never cross the shadow boundary: `table { display: none }`, `div { position: absolute }`,
//   `canvas { height: 50px !important }`, `button { all: unset }`, `svg`, `[hidden]`, `:focus { outline: none }`
//   … do not reach anything inside an element.
// - Rules that match the element itself (its host box) do apply — `*` included, and `!important` there beats
//   `:host`. So `* { font: 30px serif !important; line-height: 4 !important; color: red !important }` sets the
//   element's own font, line height and text colour. That is deliberate: it is the same path a reader's
//   text-spacing or zoom override (WCAG 1.4.12, `* { line-height: 1.5 !important … }`) takes, and the content
//   inside scales with it (every size inside is relative), so the element must survive it, not block it.
//   Pages theme through `--kd-font-family`, `--kd-font-size`, `--kd-color-*`.
// - Inherited properties flow in through the host. By design only colour (`--kd-color-text` defaults to the
//   page's text colour) and direction follow the page; font family/size/line height come from `--kd-*` on the
//   host, and every other inherited text property a theme may set on its body (text-align, text-indent,
//   text-transform, letter/word-spacing, white-space, font-style/weight, text-shadow) is reset on `:host`.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { TAG } from '../fixtures/demo-files.js';

type AxeResults = { violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: unknown; html: string; failureSummary?: string }> }> };
type HostileWindow = Window & {
  __kdRendered: Set<EventTarget>;
  __kdFailed: Set<EventTarget>;
  __pageErrors: string[];
  litElementVersions?: string[];
  axe?: { run: (context: unknown, options: unknown) => Promise<AxeResults> };
};

const PAGE = '/test/hardening/hostile-page.html';
const TAGS = Object.values(TAG);

let frame: HTMLIFrameElement;
let win: HostileWindow;
let doc: Document;

const byId = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
const inner = <T extends Element = HTMLElement>(host: Element, selector: string) => host.shadowRoot!.querySelector(selector) as T | null;
const style = (el: Element) => win.getComputedStyle(el);
const px = (value: string) => parseFloat(value);
const box = (el: Element) => el.getBoundingClientRect();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** dist/ is built by another job: wait for it (without building) rather than fail at once. */
async function waitForBundle(): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const head = await fetch('/dist/kreisdossier.bundle.js', { method: 'HEAD', cache: 'no-store' }).catch(() => undefined);
    const maplibre = await fetch('/dist/maplibre/maplibre-gl.mjs', { method: 'HEAD', cache: 'no-store' }).catch(() => undefined);
    if (head?.ok && maplibre?.ok) return;
    if (Date.now() > deadline) throw new Error('dist/kreisdossier.bundle.js (or dist/maplibre/) is missing: run `npm run build` before the hardening tests');
    await sleep(2000);
  }
}

/** Charts and maps draw when near the (top-level) viewport: scroll the element in, wait for kd-render or its alert. */
async function rendered(el: Element, timeout = 20_000): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  await waitUntil(
    () => win.__kdRendered.has(el) || win.__kdFailed.has(el) || !!el.shadowRoot?.querySelector('[role="alert"]'),
    `<${el.localName} id="${el.id}"> did not render`,
    { timeout },
  );
}

/** Runs axe-core inside the frame's own window (it measures colours and layout with the window it runs in). */
async function axe(context: unknown): Promise<AxeResults> {
  if (!win.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', () => reject(new Error('axe-core could not be loaded')), { once: true });
    });
    doc.head.append(script);
    await loaded;
  }
  return win.axe!.run(context, { resultTypes: ['violations'] });
}

function axeReport(results: AxeResults): string {
  return results.violations
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)}: ${n.html}\n  ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

/** The element inside `host`'s shadow root that has focus, or null. */
const focusedIn = (host: Element) => host.shadowRoot!.activeElement;

/**
 * `dist`: the page as a CMS serves it, loading the built bundle twice. `src`: the same page (as srcdoc) with the
 * current sources registering the elements first and a built copy second — it checks fixes in src/ before the
 * next build, and is another "two copies" case.
 */
async function openFrame(variant: 'dist' | 'src'): Promise<void> {
  frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '1400px';
  if (variant === 'dist') frame.src = PAGE;
  else {
    const source = await (await fetch(PAGE)).text();
    const first = '<script type="module" src="/dist/kreisdossier.bundle.js"></script>';
    expect(source).to.contain(first);
    frame.srcdoc = source.replace('<head>', `<head>\n    <base href="${PAGE}" />`).replace(first, '<script type="module" src="/src/kreisdossier.ts"></script>');
  }
  document.body.append(frame);
}

for (const variant of ['dist', 'src'] as const) {
  describe(`hostile host page (${variant})`, function () {
    this.timeout(60_000);

    before(async function () {
      this.timeout(120_000);
      await waitForBundle();
      await openFrame(variant);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      win = frame.contentWindow as HostileWindow;
      doc = win.document;
      expect(win.__pageErrors, 'hostile-page-guard.js did not run').to.be.an('array');
      for (const el of doc.querySelectorAll(TAGS.join(','))) {
        if (el.localName === 'themen-dossier') continue;
        await rendered(el);
      }
      const dossier = byId('dossier');
      dossier.scrollIntoView({ block: 'start' });
      await waitUntil(() => dossier.shadowRoot?.querySelector('article[aria-busy="false"]'), 'the dossier did not render', { timeout: 30_000 });
    });

    after(() => frame?.remove());

    it('takes two copies of the bundle and a second Lit without an error: each element defined once, rendered once', async () => {
      // Both copies were fetched and ran as modules; so did the npm copy of Lit.
      const requested = (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => new URL(e.name).pathname + new URL(e.name).search);
      const first = variant === 'dist' ? '/dist/kreisdossier.bundle.js' : '/src/kreisdossier.ts';
      expect(requested).to.include.members([first, '/dist/kreisdossier.bundle.js?copy=2', '/test/hardening/hostile-page-lit.js']);
      expect(requested.some((p) => p.startsWith('/node_modules/lit-element/') || p.startsWith('/node_modules/lit/')), 'the npm Lit was loaded').to.be.true;
      // Every Lit copy registers itself: the bundle copies plus the plugin's own (src shares the plugin's npm Lit).
      expect(win.litElementVersions?.length ?? 0, 'Lit copies on the page').to.be.at.least(variant === 'dist' ? 3 : 2);
      // The first copy's definitions are the ones in use.
      if (variant === 'src') {
        const source = await import('../../src/kreisdossier.js');
        expect(win.customElements.get('indikator-chart')!.name).to.equal(source.IndikatorChart.name);
      }

      // No "already defined" exception, no other error, no unhandled rejection, no console.error.
      expect(win.__pageErrors).to.deep.equal([]);
      for (const tag of TAGS) expect(win.customElements.get(tag), tag).to.be.a('function');
      // The plugin's own LitElement rendered with its Lit.
      expect(byId('cms-karte').shadowRoot?.querySelector('p.cms-karte')?.textContent).to.equal('Veranstaltungen im Landkreis');
      expect(byId('cms-karte') instanceof (win as unknown as { __cmsLit: { LitElement: typeof HTMLElement } }).__cmsLit.LitElement).to.be.true;

      // Rendered once: one shadow root each, with one copy of its content (no second copy attached a second view).
      const count = (host: Element, selector: string) => host.shadowRoot!.querySelectorAll(selector).length;
      expect(count(byId('tabelle'), 'table')).to.equal(1);
      expect(count(byId('diagramm'), 'figure')).to.equal(1);
      expect(count(byId('diagramm'), 'canvas')).to.equal(1);
      expect(count(byId('rangfolge'), 'figure')).to.equal(1);
      expect(count(byId('karte'), 'figure')).to.equal(1);
      expect(count(byId('karte'), '.maplibre canvas')).to.equal(1);
      expect(count(byId('auswahl'), 'input')).to.equal(1);
      expect(count(byId('dossier'), 'article.dossier')).to.equal(1);
      // The dossier composed its elements with the same (first) definitions.
      const composed = [...byId('dossier').shadowRoot!.querySelectorAll('indikator-chart, kreis-map, indikator-tabelle, region-auswahl')];
      expect(composed.length).to.be.at.least(4);
      for (const el of composed) expect(el.constructor, el.localName).to.equal(win.customElements.get(el.localName));
    });

    it('keeps its own layout: selectors of the page never reach inside (tables, alerts, canvases, divs, buttons, svg, [hidden])', async () => {
      // table { display: none } — the data table is shown, with its cells.
      const table = inner(byId('tabelle'), 'table')!;
      expect(style(table).display).to.equal('table');
      expect(box(table).height).to.be.greaterThan(100);
      expect(inner(byId('tabelle'), 'td')!.textContent).to.match(/\d/);
      // [role=alert] { display: none } — an error is visible.
      const alert = inner(byId('fehler'), '[role="alert"]')!;
      expect(alert, 'alert of the table with an unknown region').to.exist;
      expect(style(alert).display).to.not.equal('none');
      expect(box(alert).height).to.be.greaterThan(50);

      // canvas { width: 100% !important; height: 50px !important } — the chart's canvas has the plot's size.
      for (const id of ['diagramm', 'rangfolge']) {
        const chart = byId(id);
        const plot = inner(chart, '.plot')!;
        const canvas = inner<HTMLCanvasElement>(chart, '.plot canvas')!;
        expect(box(canvas).height, `#${id} canvas height`).to.not.equal(50);
        expect(box(canvas).height, `#${id} canvas height = plot height`).to.be.closeTo(box(plot).height, 1);
        expect(box(canvas).width, `#${id} canvas width = plot width`).to.be.closeTo(box(plot).width, 1);
        // the plot's own height: --kd-chart-height (default 20rem of this page's root)
        expect(box(plot).height).to.be.closeTo(20 * px(style(doc.documentElement).fontSize), 1);
        // div { position: absolute } — the element's divs keep their own positioning.
        expect(style(inner(chart, '.chart-view')!).position).to.equal('static');
        expect(style(plot).position).to.equal('relative');
      }
      // The map's canvas fills its area (MapLibre sizes it; the page's canvas rule does not reach it).
      const map = byId('karte');
      const area = inner(map, '.map')!;
      const mapCanvas = inner(map, '.maplibre canvas')!;
      expect(box(area).height).to.be.greaterThan(100);
      expect(box(mapCanvas).height).to.be.closeTo(box(area).height, 1);
      expect(box(mapCanvas).width).to.be.closeTo(box(area).width, 1);
      expect(inner(map, '[part="notice"]'), 'no WebGL fallback').to.be.null;

      // button { all: unset } — the element's buttons keep border and padding.
      const button = inner(byId('diagramm'), '.actions button')!;
      expect(style(button).borderTopStyle).to.equal('solid');
      expect(px(style(button).paddingLeft)).to.be.greaterThan(0);
      // svg { display: none } — the legend keys are drawn.
      const key = inner(byId('diagramm'), 'svg.key')!;
      expect(key, 'legend key of the two-series chart').to.exist;
      expect(style(key).display).to.not.equal('none');
      expect(box(key).width).to.equal(28);
      // [hidden] { display: block !important } — the chart's hidden table view stays hidden.
      expect(style(inner(byId('diagramm'), '.table-view')!).display).to.equal('none');
      // section { display: none } — the dossier's sections are shown; label { display: none } — the picker's label too.
      const section = inner(byId('dossier'), 'section.section')!;
      expect(style(section).display).to.equal('block');
      expect(box(section).height).to.be.greaterThan(0);
      expect(style(inner(byId('auswahl'), 'label')!).display).to.not.equal('none');
      // input { width: 10px !important } — the picker's field keeps its width.
      expect(box(inner(byId('auswahl'), 'input')!).width).to.be.greaterThan(100);
      // The page's own content does get the page's CSS (the test page really is hostile).
      expect(style(doc.querySelector('main > section')!).display).to.equal('none');
      expect(style(doc.querySelector('main > div')!).position).to.equal('absolute');
      expect(style(doc.querySelector('#seite-knopf')!).borderTopStyle).to.equal('none');
    });

    it("a composed chart and map inside the dossier draw at their own size too", async function () {
      this.timeout(40_000);
      const dossier = byId('dossier');
      const chart = inner(dossier, 'indikator-chart')!;
      const map = inner(dossier, 'kreis-map')!;
      // (their kd-render reaches the page retargeted to the dossier: wait for the drawing itself)
      chart.scrollIntoView({ block: 'center' });
      await waitUntil(() => inner(chart, '.plot canvas')?.hasAttribute('style'), 'the composed chart did not draw', { timeout: 20_000 });
      map.scrollIntoView({ block: 'center' });
      await waitUntil(() => inner(map, '.maplibre canvas'), 'the composed map did not draw', { timeout: 20_000 });
      const plot = inner(chart, '.plot')!;
      expect(box(inner(chart, '.plot canvas')!).height).to.be.closeTo(box(plot).height, 1);
      expect(box(inner(chart, '.plot canvas')!).height).to.not.equal(50);
      expect(box(inner(map, '.maplibre canvas')!).height).to.be.closeTo(box(inner(map, '.map')!).height, 1);
    });

    it('typography: the page reaches the host box, not the inside; body-level text properties do not leak in', () => {
      const table = byId('tabelle');
      const chart = byId('diagramm');
      const host = style(chart);
      // `* { font: 30px serif !important; line-height: 4 !important }` matches the host element itself and beats
      // `:host` (outer !important): the element takes that font and line height, as it would a reader's override.
      expect(host.fontSize).to.equal('30px');
      expect(host.fontFamily).to.equal('serif');
      expect(host.color).to.equal('rgb(255, 0, 0)');
      // Inside, sizes keep their proportions to the host's size (everything is relative), weights are the element's own.
      const title = inner(chart, '.title')!;
      expect(px(style(title).fontSize)).to.be.closeTo(1.125 * 30, 0.1);
      expect(style(title).fontWeight).to.equal('600');
      expect(px(style(inner(chart, '.source')!).fontSize)).to.be.closeTo(0.875 * 30, 0.1);
      expect(style(inner(table, 'thead th:nth-child(2)')!).fontWeight).to.equal('700');
      expect(style(inner(table, 'td')!).fontVariantNumeric).to.equal('tabular-nums');
      // Inherited by design: family and colour of the host.
      expect(style(title).fontFamily).to.equal('serif');
      expect(style(inner(table, 'td')!).color).to.equal('rgb(255, 0, 0)');
      // Not inherited from the page's body: the element resets every other inherited text property on :host.
      for (const [name, el] of [
        ['table cell', inner(table, 'td')!],
        ['chart summary', inner(chart, '.summary')!],
        ['picker label', inner(byId('auswahl'), 'label')!],
        ['dossier intro', inner(byId('dossier'), '.intro')!],
      ] as const) {
        const s = style(el);
        expect(
          {
            textTransform: s.textTransform,
            letterSpacing: s.letterSpacing,
            wordSpacing: s.wordSpacing,
            textIndent: s.textIndent,
            whiteSpace: s.whiteSpace,
            fontStyle: s.fontStyle,
            textShadow: s.textShadow,
          },
          name,
        ).to.deep.equal({
          textTransform: 'none',
          letterSpacing: 'normal',
          wordSpacing: '0px',
          textIndent: '0px',
          whiteSpace: el.localName === 'td' ? 'nowrap' : 'normal', // (cells keep numbers on one line themselves)
          fontStyle: 'normal',
          textShadow: 'none',
        });
      }
      // Elements the dossier composes take the dossier's typography, not the page root's (8px here).
      const dossier = byId('dossier');
      for (const el of dossier.shadowRoot!.querySelectorAll('indikator-chart, kreis-map, indikator-tabelle, region-auswahl')) {
        expect(style(el).fontSize, `composed <${el.localName}>`).to.equal(style(dossier).fontSize);
        expect(style(el).fontFamily, `composed <${el.localName}>`).to.equal(style(dossier).fontFamily);
      }
      expect(style(inner(chart, '.summary')!).textAlign).to.equal('start');
      // The page's own paragraphs do inherit the body's typography (the page really sets it).
      expect(style(doc.querySelector('footer p')!).textTransform).to.equal('uppercase');
    });

    it('works from the keyboard with a visible focus ring despite `:focus { outline: none !important }`', async () => {
      win.focus();
      const chart = byId('diagramm');
      const plot = inner(chart, '.plot')!;
      chart.scrollIntoView({ block: 'center' });
      // Tab from the table's scroll region (the previous Tab stop before the error example) into the chart.
      const scroll = inner(byId('tabelle'), '.scroll')!;
      scroll.focus();
      for (let i = 0; i < 6 && focusedIn(chart) !== plot; i++) await sendKeys({ press: 'Tab' });
      expect(focusedIn(chart), 'Tab reaches the chart').to.equal(plot);
      expect(plot.matches(':focus-visible')).to.be.true;
      expect(style(plot).outlineStyle).to.equal('solid');
      expect(px(style(plot).outlineWidth), 'the theme focus width (KERN: 4px)').to.equal(4);
      // Arrow keys walk the points and announce them.
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => inner(chart, '.live')!.textContent!.trim() !== '', 'no announcement');
      expect(inner(chart, '.live')!.textContent).to.match(/^Harz, Landkreis, 31\.12\.\d{4}: /);
      await waitUntil(() => inner(chart, '.tooltip'), 'no tooltip');
      expect(style(inner(chart, '.tooltip')!).display).to.not.equal('none');
      await sendKeys({ press: 'Escape' });

      // The map: Home goes to the first Kreis, Enter selects it; the linked picker follows.
      const map = byId('karte');
      const area = inner(map, '.map')!;
      map.scrollIntoView({ block: 'center' });
      area.focus();
      expect(area.matches(':focus-visible')).to.be.true;
      expect(style(area).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'Home' });
      await waitUntil(() => /Altmarkkreis Salzwedel/.test(inner(map, '.live')!.textContent ?? ''), 'the map did not announce the first Kreis');
      await sendKeys({ press: 'Enter' });
      const picker = byId('auswahl');
      await waitUntil(() => picker.getAttribute('region') === '15081', 'the linked picker did not follow the map');
      expect(map.getAttribute('highlight')).to.equal('15081');

      // The picker: type, arrow down, Enter; the linked map highlights the choice.
      const input = inner<HTMLInputElement>(picker, 'input')!;
      picker.scrollIntoView({ block: 'center' });
      input.focus();
      expect(style(input).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'Escape' });
      await sendKeys({ type: 'Harz' });
      await waitUntil(() => inner(picker, '[role="option"]'), 'no options');
      expect(style(inner(picker, '[role="listbox"]')!).display).to.not.equal('none');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => picker.getAttribute('region') === '15085', 'Enter did not choose Harz');
      await waitUntil(() => map.getAttribute('highlight') === '15085', 'the linked map did not follow the picker');

      // The dossier's topic buttons are real buttons (button { all: unset } does not reach them) and work with Enter.
      const dossier = byId('dossier');
      const topicButton = [...dossier.shadowRoot!.querySelectorAll<HTMLButtonElement>('.topics button')].find((b) => /Bildung/.test(b.textContent ?? ''))!;
      topicButton.focus();
      expect(style(topicButton).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dossier.getAttribute('topic') === 'bildung', 'Enter on a topic did not switch the dossier');
      expect(win.__pageErrors).to.deep.equal([]);
    });

    it('passes axe (every element, inside its shadow root) on the hostile page', async function () {
      this.timeout(60_000);
      const dossier = byId('dossier');
      await waitUntil(() => dossier.shadowRoot?.querySelector('article[aria-busy="false"]'), 'the dossier did not settle', { timeout: 20_000 });
      const ids = [...doc.querySelectorAll(TAGS.join(','))].map((el) => `#${el.id}`);
      const results = await axe({ include: ids.map((id) => [id]) });
      expect(results.violations, axeReport(results)).to.deep.equal([]);
      expect(win.__pageErrors).to.deep.equal([]);
    });

    // Last: changes the page's stylesheet.
    it("without the `*` font rule, the page's 8px root size does not shrink the text: the default is the reader's size", async () => {
      const sheet = [...doc.styleSheets].find((sh) => sh.href?.endsWith('/hostile.css'))!;
      const rules = [...sheet.cssRules] as CSSStyleRule[];
      const star = rules.findIndex((r) => r.selectorText === '*' && r.style.getPropertyValue('font').includes('30px'));
      expect(star, 'the `*` font rule').to.be.at.least(0);
      sheet.deleteRule(star);
      expect(style(doc.documentElement).fontSize).to.equal('8px');
      const chart = byId('diagramm');
      // font-size: medium (16px in this browser), whatever the root: never 8px.
      expect(style(chart).fontSize).to.equal('16px');
      expect(style(inner(chart, '.summary')!).fontSize).to.equal('16px');
      expect(style(byId('tabelle')).fontFamily).to.match(/system-ui/);
      const dossier = byId('dossier');
      for (const el of dossier.shadowRoot!.querySelectorAll('indikator-chart, kreis-map, indikator-tabelle')) expect(style(el).fontSize).to.equal('16px');
    });
  });
}
