// An English widget says nothing in German: every element, in every state a reader meets (loading, ready,
// menus and tables opened, errors), is rendered with lang="en", and no German UI text from xliff/en.xlf may
// appear in its text, its accessible names or its tooltips. Data strings (region names, titles from the file)
// are not UI texts and are allowed. `npm run build` fails earlier on a message without an English target
// (scripts/check-translations.js); this test catches texts that bypass msg() or a target still in German.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { guardPage } from '../fixtures/page-guard.js';
import { HARZ_DOSSIER_FILES, TAG } from '../fixtures/demo-files.js';
import '../../src/kreisdossier.js';

const ALQ = '/examples/arbeitslosenquote-sachsen-anhalt.json';
const HARZ = '/examples/bevoelkerung-harz.json';
const MAP_DATA = '/demo/data/bevoelkerung-gemeinden-harz.json';
const MAP_GEO = '/demo/data/geo/harz-gemeinden-2021.topo.json';

/**
 * German fragments of every message: the text between placeholders, where it has at least two words and is
 * not also part of the English target (names such as "CSV" or "Regionalstatistik" are the same in both).
 */
async function germanFragments(): Promise<string[]> {
  const xml = new DOMParser().parseFromString(await (await fetch('/xliff/en.xlf')).text(), 'text/xml');
  const fragments = new Set<string>();
  for (const unit of xml.querySelectorAll('trans-unit')) {
    const source = unit.querySelector('source')!;
    const target = unit.querySelector('target')?.textContent ?? '';
    const pieces: string[] = [];
    let current = '';
    for (const node of source.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) current += node.textContent;
      else {
        pieces.push(current);
        current = '';
      }
    }
    pieces.push(current);
    for (const piece of pieces) {
      const fragment = piece.replace(/\s+/g, ' ').trim().replace(/^[\s,.:;–(„“"']+|[\s,.:;–)„“"'…]+$/g, '');
      if (fragment.split(' ').length >= 2 && fragment.length >= 10 && !target.includes(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

/** Everything a reader or a screen reader gets from an element: text and accessible names, shadow roots included. */
function spoken(root: Element | ShadowRoot): string[] {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = (node as Text).parentElement;
      if (!parent?.closest('style, script')) out.push(node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element) && !(node instanceof ShadowRoot) && !(node instanceof DocumentFragment)) return;
    if (node instanceof Element) {
      for (const name of ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder', 'download']) {
        const value = node.getAttribute(name);
        if (value) out.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

const rendered = (el: Element) => new Promise((resolve) => el.addEventListener('kd-render', resolve, { once: true }));
const failed = (el: Element) => new Promise((resolve) => el.addEventListener('kd-error', resolve, { once: true }));

/** Opens what a reader can open: table views, "Was bedeutet das?" boxes, the picker's list. */
async function openEverything(el: Element): Promise<void> {
  const roots = [el.shadowRoot!, ...[...el.shadowRoot!.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
  for (const root of roots) {
    for (const button of root.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]')) button.click();
    for (const details of root.querySelectorAll('details')) details.open = true;
  }
  await new Promise((r) => setTimeout(r, 50));
}

describe('English is complete', () => {
  guardPage();
  let fragments: string[] = [];
  before(async () => {
    fragments = await germanFragments();
  });

  const check = (el: Element, state: string) => {
    const texts = spoken(el);
    expect(texts.length, `${state}: something is said`).to.be.greaterThan(0);
    const german = fragments.filter((f) => texts.some((t) => t.includes(f)));
    expect(german, `${state}: German UI text in an English widget`).to.deep.equal([]);
  };

  it('has German fragments to look for', () => {
    expect(fragments.length).to.be.greaterThan(100);
    expect(fragments).to.include('Erneut versuchen');
  });

  it('finds German in a German widget (control: the check can fail)', async () => {
    const el = await fixture(html`<indikator-chart lang="de" src=${ALQ} region="15085"></indikator-chart>`);
    await rendered(el);
    const texts = spoken(el);
    expect(fragments.filter((f) => texts.some((t) => t.includes(f))).length).to.be.greaterThan(3);
  });

  const ready: Array<[string, () => ReturnType<typeof html>]> = [
    ['table', () => html`<indikator-tabelle lang="en" src=${HARZ} region="15085 15"></indikator-tabelle>`],
    ['chart', () => html`<indikator-chart lang="en" src=${ALQ} region="15085" compare="15"></indikator-chart>`],
    ['ranking chart', () => html`<indikator-chart lang="en" src=${ALQ} type="bar" period="2016" highlight="15085"></indikator-chart>`],
    ['map', () => html`<kreis-map lang="en" src=${MAP_DATA} geo=${MAP_GEO} region="15085"></kreis-map>`],
    ['picker', () => html`<region-auswahl lang="en" src=${ALQ}></region-auswahl>`],
    ['dossier, all topics', () => html`<themen-dossier lang="en" src=${HARZ_DOSSIER_FILES.join(' ')} region="15085" topic="alle"></themen-dossier>`],
  ];
  for (const [name, template] of ready) {
    it(`${name}: rendered, with everything opened`, async function () {
      this.timeout(60000);
      // Listened for before the element exists: with its data already cached (an earlier test loaded the same
      // file), it may render while fixture() is still awaiting, and a listener added afterwards would wait in vain.
      const rendered = new Set<unknown>();
      const onRender = (event: Event) => rendered.add((event as CustomEvent<{ element: Element }>).detail.element);
      document.addEventListener('kd-render', onRender);
      let el: Element;
      try {
        const wrapper = await fixture(html`<div>${template()}</div>`);
        el = wrapper.firstElementChild!;
        // one wait that ends with the first of the two (no timer left running into later tests)
        await waitUntil(() => rendered.has(el) || el.shadowRoot?.querySelector('[role="alert"]'), 'neither drawn nor an alert', { timeout: 55000 });
      } finally {
        document.removeEventListener('kd-render', onRender);
      }
      expect(el.shadowRoot!.querySelector('[role="alert"]'), 'no error').to.equal(null);
      await openEverything(el);
      if (el.localName === 'region-auswahl') {
        el.shadowRoot!.querySelector<HTMLInputElement>('input')!.focus();
        await sendKeys({ type: 'Ha' });
        await waitUntil(() => el.shadowRoot!.querySelector('[role="option"]'), 'options', { timeout: 5000 });
        await sendKeys({ type: 'xyzq' }); // "no region found"
        await new Promise((r) => setTimeout(r, 100));
      }
      check(el, name);
    });
  }

  it('loading placeholders', async () => {
    const wrapper = await fixture(html`<div>
      <indikator-tabelle lang="en" src="/__test__/slow/800"></indikator-tabelle>
      <indikator-chart lang="en" src="/__test__/slow/800"></indikator-chart>
      <themen-dossier lang="en" src="/__test__/slow/800"></themen-dossier>
    </div>`);
    await waitUntil(() => [...wrapper.children].every((el) => el.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim()), 'placeholders', { timeout: 5000 });
    for (const el of wrapper.children) check(el, `loading <${el.localName}>`);
  });

  const errors: Array<[string, string]> = [
    ['missing file (404)', '/examples/gibt-es-nicht.json'],
    ['invalid JSON', 'data:application/json,{"kreisdossier":"1.0",'],
    ['schema error', 'data:application/json,{"kreisdossier":"1.0","dataset":{}}'],
  ];
  for (const [name, src] of errors) {
    it(`error: ${name}, in every element`, async () => {
      const wrapper = await fixture(html`<div>
        ${Object.values(TAG).map(
          (tag) => html`<div lang="en" data-tag=${tag}></div>`,
        )}
      </div>`);
      const elements = [...wrapper.children].map((slot) => {
        const el = document.createElement((slot as HTMLElement).dataset.tag!);
        el.setAttribute('src', src);
        slot.append(el);
        return el;
      });
      await Promise.all(elements.map(failed));
      await Promise.all(elements.map((el) => waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'alert', { timeout: 5000 })));
      for (const el of elements) check(el, `${name} <${el.localName}>`);
    });
  }

  it('unknown region and indicator', async () => {
    const wrapper = await fixture(html`<div lang="en">
      <indikator-chart src=${ALQ} region="15099"></indikator-chart>
      <indikator-tabelle src=${ALQ} indicator="nichts"></indikator-tabelle>
      <themen-dossier src=${ALQ} region="15099"></themen-dossier>
    </div>`);
    await waitUntil(() => [...wrapper.children].every((el) => el.shadowRoot?.querySelector('[role="alert"]')), 'alerts', { timeout: 8000 });
    for (const el of wrapper.children) check(el, `<${el.localName}> unknown key`);
  });
});
