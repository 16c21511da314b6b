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

  it('ships the JSON Schema and the custom elements manifest', async () => {
    const schema = await (await fetch('/dist/kreisdossier.schema.json')).json();
    expect(schema.title).to.equal('kreisdossier data format 1.x');
    const manifest = await (await fetch('/dist/custom-elements.json')).json();
    const tags = manifest.modules.flatMap((m: any) => m.declarations ?? []).map((d: any) => d.tagName).filter(Boolean);
    expect(tags).to.include('indikator-tabelle');
  });
});
