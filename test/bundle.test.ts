// The built files, as a page without a build step uses them (run after `npm run build`).
import { expect, waitUntil } from '@open-wc/testing';

const load = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

describe('dist bundle', () => {
  it('can be loaded twice on one page (two CMS plugins) without an error', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
    const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await load('/dist/kreisdossier.bundle.js?copy=1');
      expect(customElements.get('indikator-tabelle'), 'the bundle alone registers the elements').to.exist;
      await load('/dist/kreisdossier.bundle.js?copy=2');
      await load('/dist/kreisdossier.js');
      await load('/dist/indikator-tabelle.js');

      const el = document.createElement('indikator-tabelle');
      el.setAttribute('src', '/examples/bevoelkerung-harz.json');
      el.setAttribute('region', '15085');
      el.setAttribute('period', '2015-12-31');
      document.body.append(el);
      await waitUntil(() => el.shadowRoot?.querySelector('td'), 'bundle element did not render', { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('td span')!.textContent).to.equal('221.366');
      el.remove();
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = originalError;
    }
    expect(errors).to.deep.equal([]);
  });

  it('draws a chart, and a map with MapLibre from dist/maplibre/ fetched only when the map appears', async () => {
    await load('/dist/kreisdossier.bundle.js?copy=1');
    const maplibreRequests = () => performance.getEntriesByType('resource').filter((e) => /maplibre/.test(e.name)).map((e) => new URL(e.name).pathname);

    const chart = document.createElement('indikator-chart');
    chart.setAttribute('src', '/examples/arbeitslosenquote-sachsen-anhalt.json');
    chart.setAttribute('region', '15085');
    const chartDrawn = new Promise((resolve) => chart.addEventListener('kd-render', resolve, { once: true }));
    document.body.append(chart);
    await chartDrawn;
    expect(chart.shadowRoot!.querySelector('canvas')).to.exist;
    expect(maplibreRequests(), 'a page without a map loads no MapLibre bytes').to.deep.equal([]);

    const map = document.createElement('kreis-map');
    map.setAttribute('src', '/demo/data/bevoelkerung-gemeinden-harz.json');
    map.setAttribute('geo', '/demo/data/geo/harz-gemeinden-2021.topo.json');
    map.setAttribute('region', '15085');
    const mapDrawn = new Promise((resolve) => map.addEventListener('kd-render', resolve, { once: true }));
    document.body.prepend(map);
    await mapDrawn;
    expect(map.shadowRoot!.querySelector('.maplibre canvas')).to.exist;
    expect(maplibreRequests().map((p) => p.replace(/\?.*$/, ''))).to.include.members(['/dist/maplibre/maplibre-gl.mjs', '/dist/maplibre/maplibre-gl-worker.mjs']);
    chart.remove();
    map.remove();
  });

  it('ships the JSON Schema and the custom elements manifest', async () => {
    const schema = await (await fetch('/dist/kreisdossier.schema.json')).json();
    expect(schema.title).to.equal('kreisdossier data format 1.x');
    const manifest = await (await fetch('/dist/custom-elements.json')).json();
    const tags = manifest.modules.flatMap((m: any) => m.declarations ?? []).map((d: any) => d.tagName).filter(Boolean);
    expect(tags).to.include.members(['indikator-tabelle', 'indikator-chart', 'kreis-map']);
    // every attribute of the elements is documented (issue 4: "all documented in custom-elements.json")
    const declarations = manifest.modules.flatMap((m: any) => m.declarations ?? []).filter((d: any) => d.tagName);
    for (const d of declarations) {
      for (const a of d.attributes ?? []) expect(a.description, `${d.tagName} ${a.name}`).to.be.a('string').and.not.empty;
    }
    const chartAttributes = declarations.find((d: any) => d.tagName === 'indikator-chart').attributes.map((a: any) => a.name);
    expect(chartAttributes).to.include.members(['src', 'indicator', 'region', 'compare', 'period', 'from', 'to', 'mode', 'highlight', 'heading', 'lang', 'linked', 'theme', 'type']);
  });
});
