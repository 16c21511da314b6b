/**
 * Issue 7, part 1: injection hardening, proven by tests.
 *
 * A corpus of XSS payloads (xss-payloads.ts) goes into every string field of the data format that
 * reaches the screen and into the attributes whose values error messages echo, for all five elements.
 * Payloads are batched: one document per payload in which every field carries a *different* payload
 * (rotation), plus "wide" documents in which every region, footnote, symbol, source, category, section
 * and indicator carries its own payload. For every render (and after keyboard walks, table toggles,
 * picker typing and downloads) the tests check that
 *  - the canary `window.__xss` never fires (also a while after rendering),
 *  - no shadow root (walked recursively) holds an element or attribute the payloads try to create,
 *  - every string is still on screen, unchanged (text content, whitespace folded).
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/kreisdossier.js';
import { DataStore } from '../../src/data/data-store.js';
import { validateDocument } from '../../src/format/validate.js';
import { guardPage } from '../fixtures/page-guard.js';
import { CANARY, PAYLOADS, PROTOTYPE_KEYS } from './xss-payloads.js';

/* ------------------------------------------------------------------ canary */

const fired: unknown[] = [];
const win = window as unknown as Record<string, unknown>;

function installCanary(): void {
  win[CANARY] = (id: unknown) => fired.push(id);
  for (const name of ['alert', 'confirm', 'prompt']) win[name] = (...args: unknown[]) => fired.push(`${name}(${args.join(',')})`);
}

/** Lets late handlers (image errors, autofocus, timers) run, then asserts nothing executed. */
async function expectNoExecution(): Promise<void> {
  await nextFrame();
  await new Promise((r) => setTimeout(r, 120));
  await nextFrame();
  expect(fired, 'payloads executed (canary ids)').to.deep.equal([]);
}

/* ------------------------------------------------------------------ shadow DOM */

/** Every shadow root below a node (the node's own, if it is a host), recursively. */
function shadowRoots(node: Element | ShadowRoot | Document, out: ShadowRoot[] = []): ShadowRoot[] {
  if (node instanceof Element && node.shadowRoot) {
    out.push(node.shadowRoot);
    shadowRoots(node.shadowRoot, out);
  }
  for (const el of node.querySelectorAll('*')) {
    if (el.shadowRoot) {
      out.push(el.shadowRoot);
      shadowRoots(el.shadowRoot, out);
    }
  }
  return out;
}

/** What the elements render (and MapLibre adds to its container); anything else came from a payload. */
const ALLOWED_TAGS = new Set(
  (
    'div span p strong code sup figure figcaption canvas svg line rect polygon path circle ul ol li dl dt dd ' +
    'table caption thead tbody tr th td button a nav header section article h2 h3 h4 h5 h6 input label slot ' +
    'indikator-chart indikator-tabelle kreis-map region-auswahl'
  ).split(' '),
);
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'srcset', 'ping', 'cite']);

/** Problems in the shadow roots below `host`: foreign elements, handlers, script URLs, CSS tricks. */
function injected(host: Element | Document): string[] {
  const problems: string[] = [];
  for (const root of shadowRoots(host)) {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      if (!ALLOWED_TAGS.has(tag)) problems.push(`<${tag}> in <${(root.host as Element).localName}>`);
      for (const { name, value } of el.attributes) {
        const lower = name.toLowerCase();
        if (lower.startsWith('on')) problems.push(`${tag}[${name}]`);
        if (lower === 'srcdoc' || lower === 'is') problems.push(`${tag}[${name}]`);
        if (URL_ATTRIBUTES.has(lower)) {
          const url = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
          if (!/^(?:https?:\/\/|#)/i.test(url)) problems.push(`${tag}[${name}=${JSON.stringify(value).slice(0, 60)}]`);
        }
        if (lower === 'style' && /expression|url\(|javascript:|@import|behavior|binding/i.test(value)) problems.push(`${tag}[style=${value.slice(0, 60)}]`);
      }
    }
  }
  return problems.slice(0, 10);
}

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Text of every shadow root below `host` (and the values of text fields), whitespace folded. */
function shownText(host: Element): string {
  const parts: string[] = [];
  for (const root of shadowRoots(host)) {
    parts.push(root.textContent ?? '');
    for (const input of root.querySelectorAll('input')) parts.push(` ${input.value} `);
  }
  return fold(parts.join(' '));
}

const short = (s: string) => JSON.stringify(s.length > 70 ? `${s.slice(0, 70)}…(${s.length})` : s);

/** Every string must be on screen unchanged. */
function expectShown(host: Element, strings: readonly string[], what: string): void {
  const text = shownText(host);
  const missing = [...new Set(strings)].filter((s) => !text.includes(fold(s)));
  expect(missing.map(short), `${what}: strings not shown unchanged in <${host.localName}>`).to.deep.equal([]);
}

function expectClean(host: Element | Document, what: string): void {
  expect(injected(host), `${what}: injected markup`).to.deep.equal([]);
}

/* ------------------------------------------------------------------ documents */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test documents are built freely, then validated
type Doc = Record<string, any>;
type Chooser = (slot: number) => string;

const N = PAYLOADS.length;
const mod = (k: number, n: number) => ((k % n) + n) % n;
const at = (k: number): string => PAYLOADS[mod(k, N)]!;
/** Status symbols are record keys: the few a JSON reader drops or objects inherit are tested on their own. */
const SYMBOL_KEYS = PAYLOADS.filter((p) => !PROTOTYPE_KEYS.has(p));
const keyAt = (k: number): string => SYMBOL_KEYS[mod(k, SYMBOL_KEYS.length)]!;
/** Fields of one document are this far apart in the corpus: neighbours are often variants of each other. */
const STRIDE = 7;

/** The string fields of the format, as slots of the rotation document. */
const F = {
  title: 0,
  description: 1,
  attribution: 2,
  licenseId: 3,
  licenseName: 4,
  publisher: 5,
  table: 6,
  sourceTitle: 7,
  land: 8,
  kreisA: 9,
  kreisB: 10,
  label: 11,
  unit: 12,
  explanation: 13,
  dimension: 14,
  total: 15,
  category: 16,
  replacingLabel: 17,
  qualifyingLabel: 18,
  footnote: 19,
  topicTitle: 20,
  topicIntro: 21,
  sectionTitle: 22,
  sectionText: 23,
  geoAttribution: 24,
  geoLicense: 25,
} as const;
type Field = keyof typeof F;
const FIELDS = Object.keys(F) as Field[];

interface Rotation {
  doc: Doc;
  /** The string in each field. */
  s: Record<Field, string>;
  replacing: string;
  qualifying: string;
  named: boolean;
}

const GEO = '/examples/st-kreise-2021.geojson';
/** Region keys of the boundary file. */
const GEO_KEYS = ['15001', '15002', '15003', '15081', '15082', '15083', '15084', '15085', '15086', '15087', '15088', '15089', '15090', '15091'];

/**
 * A valid document whose every string field carries a different string: `pick(slot)`. Two Kreise and
 * their Land, one indicator broken down by a dimension, a replacing and a qualifying declared symbol, a
 * footnote, a geometry reference and a dossier definition.
 */
function rotationDocument(i: number, pick: Chooser, replacing: string, qualifying: string): Rotation {
  const s = Object.fromEntries(FIELDS.map((f) => [f, pick(F[f])])) as Record<Field, string>;
  const named = i % 2 === 0; // without a name, the licence id is shown
  const obs = (region: string, period: string, category: string, value: number | null, extra: Doc = {}) => ({
    indicator: 'ind',
    region,
    period,
    breakdown: { dim: category },
    value,
    ...extra,
  });
  const doc: Doc = {
    kreisdossier: '1.0',
    dataset: {
      id: `rotation-${i}`,
      title: s.title,
      description: s.description,
      sources: [{ publisher: s.publisher, table: s.table, title: s.sourceTitle, url: 'https://www.regionalstatistik.de/genesis/online' }],
      license: named ? { id: s.licenseId, name: s.licenseName, url: 'https://www.govdata.de/dl-de/by-2-0' } : { id: s.licenseId },
      attribution: s.attribution,
      referenceDate: '2022-06-30',
    },
    regions: [
      { key: '15', name: s.land, level: 'Land' },
      { key: '15001', name: s.kreisA, level: 'Kreis', parent: '15' },
      { key: '15002', name: s.kreisB, level: 'Kreis', parent: '15' },
    ],
    dimensions: [{ id: 'dim', label: s.dimension, categories: [{ id: 't', label: s.total }, { id: 'c', label: s.category }], total: 't' }],
    indicators: [
      { id: 'ind', label: s.label, unit: s.unit, decimals: 1, topic: 'Bevölkerung', explanation: s.explanation, polarity: 'neutral', kind: 'rate', dimensions: ['dim'] },
    ],
    statusSymbols: { [replacing]: { label: s.replacingLabel, replacesValue: true }, [qualifying]: { label: s.qualifyingLabel, replacesValue: false } },
    observations: [
      obs('15', '2020', 't', 100),
      obs('15', '2021', 't', 110),
      obs('15', '2020', 'c', 50),
      obs('15', '2021', 'c', 55),
      obs('15001', '2020', 't', 10),
      obs('15001', '2021', 't', 12, { status: qualifying }),
      obs('15001', '2020', 'c', 5, { footnote: s.footnote }),
      obs('15001', '2021', 'c', null, { status: replacing }),
      obs('15002', '2020', 't', 20),
      obs('15002', '2021', 't', 22),
      obs('15002', '2020', 'c', 8),
      obs('15002', '2021', 'c', 9, { status: qualifying }),
    ],
    geometry: { url: GEO, format: 'geojson', keyProperty: 'ags', level: 'Kreis', attribution: s.geoAttribution, license: { id: 'dl-de/by-2-0', name: s.geoLicense } },
    dossier: {
      topics: [{ topic: 'Bevölkerung', title: s.topicTitle, intro: s.topicIntro, sections: [{ id: 'zahlen', title: s.sectionTitle, text: s.sectionText, element: 'figures', indicators: ['ind'] }] }],
    },
  };
  return { doc, s, replacing, qualifying, named };
}

/** Document i of the rotation: field f carries payload i + f·STRIDE, so over all i every field carries every payload. */
const rotation = (i: number): Rotation => rotationDocument(i, (slot) => at(i + slot * STRIDE), keyAt(i), keyAt(i + 97));
/** The same document with harmless strings, for the attribute tests. */
const plain = (): Rotation => rotationDocument(0, (slot) => `Text ${slot}`, 'leer', 'vorl');

/** What each element shows of a rotation document (the rest is checked for safety only). */
function sourceFields(r: Rotation): string[] {
  return [r.s.attribution, r.named ? r.s.licenseName : r.s.licenseId, r.s.publisher, r.s.table, r.s.sourceTitle];
}
const shows = {
  table: (r: Rotation) => [...sourceFields(r), r.s.land, r.s.kreisA, r.s.kreisB, r.s.label, r.s.unit, r.s.category, r.replacing, r.qualifying, r.s.replacingLabel, r.s.qualifyingLabel, r.s.footnote],
  chart: (r: Rotation) => [...sourceFields(r), r.s.land, r.s.kreisA, r.s.kreisB, r.s.label, r.s.unit, r.s.category, r.replacing, r.qualifying, r.s.replacingLabel, r.s.qualifyingLabel],
  map: (r: Rotation) => [...sourceFields(r), r.s.kreisA, r.s.kreisB, r.s.label, r.s.unit, r.replacing, r.qualifying, r.s.replacingLabel, r.s.qualifyingLabel, r.s.geoAttribution],
  dossier: (r: Rotation) => [
    ...sourceFields(r),
    r.s.land,
    r.s.kreisA,
    r.s.label,
    r.s.unit,
    r.s.explanation,
    r.qualifying,
    r.s.qualifyingLabel,
    r.s.topicTitle,
    r.s.topicIntro,
    r.s.sectionTitle,
    r.s.sectionText,
  ],
  picker: (r: Rotation) => [r.s.land, r.s.kreisA, r.s.kreisB],
};

const storeOf = (doc: Doc): DataStore => {
  const result = validateDocument(doc);
  if (!result.valid) throw new Error(`invalid test document: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return DataStore.combine([{ source: 'data', document: result.document }]);
};

/* ------------------------------------------------------------------ mounting */

type Kd = HTMLElement & { updateComplete: Promise<boolean>; data?: unknown };
const READY: Record<string, string> = {
  'indikator-tabelle': 'table, [role="alert"]',
  'indikator-chart': 'figure, [role="alert"]',
  'kreis-map': 'figure, [role="alert"]',
  'region-auswahl': 'input, [role="alert"]',
  'themen-dossier': 'article[aria-busy="false"], [role="alert"]:not(.missing)',
};

/** Many elements in one fixture, settled (content or alert) and updated. */
async function mount<T extends Kd = Kd>(tag: string, count: number, setup: (el: T, i: number) => void, width = '720px'): Promise<{ container: HTMLElement; elements: T[] }> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.style.width = width;
  const elements = Array.from({ length: count }, (_, i) => {
    const el = document.createElement(tag) as T;
    setup(el, i);
    return el;
  });
  container.append(...elements);
  const ready = READY[tag]!;
  await waitUntil(() => elements.every((el) => el.shadowRoot?.querySelector(ready)), `${tag} did not settle`, { timeout: 30_000, interval: 30 });
  await Promise.all(elements.map((el) => el.updateComplete));
  return { container, elements };
}

const q = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);
/** The alert's text ('' without one): assertions compare strings, never DOM nodes. */
const alertOf = (el: Element): string => fold(q(el, '[role="alert"]:not(.missing)')?.textContent ?? '').slice(0, 600);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];

/** Whether an element shows content or an alert, not a placeholder. */
const isSettled = (el: Element, tag: string) => !!q(el, READY[tag]!) && !q(el, '.placeholder');

/**
 * One element per attribute, set to every payload in turn (a new value re-renders; no new element,
 * no new data): the value shows unchanged in the caption, label or alert, and as text only.
 */
async function echoAttributes(tag: string, setup: (el: Kd) => void): Promise<void> {
  const store = storeOf(plain().doc);
  for (const [attribute, echo] of ATTRIBUTES[tag]!) {
    const { elements } = await mount(tag, 1, (el) => {
      el.data = store;
      setup(el);
    });
    const el = elements[0]!;
    const missing: string[] = [];
    const problems: string[] = [];
    for (const payload of PAYLOADS) {
      el.setAttribute(attribute, payload);
      await el.updateComplete;
      // A new `key-property` loads the boundaries again: wait for the result.
      for (let t = 0; t < 500 && !isSettled(el, tag); t++) await new Promise((r) => setTimeout(r));
      if (!shownText(el).includes(fold(echo(payload)))) missing.push(short(payload));
      problems.push(...injected(el));
    }
    expect(missing, `<${tag} ${attribute}>: values not shown unchanged`).to.deep.equal([]);
    expect(problems.slice(0, 10), `<${tag} ${attribute}>: injected markup`).to.deep.equal([]);
  }
}

/** Downloads go through a temporary `<a download>`; captured instead of started. */
async function captureDownload(action: () => void): Promise<{ href: string; name: string }> {
  const original = HTMLAnchorElement.prototype.click;
  let captured: { href: string; name: string } | undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    captured = { href: this.href, name: this.download };
  };
  try {
    action();
    await waitUntil(() => captured, 'no download', { timeout: 3000 });
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  return captured!;
}

/** A string as UTF-8 can carry it: lone surrogates become U+FFFD. */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
/** A CSV field as RFC 4180 writes it. */
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function keydown(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/* ------------------------------------------------------------------ tests */

describe('injection hardening (issue 7)', function () {
  this.timeout(60_000);
  const page = guardPage();
  const saved: Record<string, unknown> = {};

  before(() => {
    for (const name of [CANARY, 'alert', 'confirm', 'prompt']) saved[name] = win[name];
    installCanary();
  });
  after(() => {
    for (const [name, value] of Object.entries(saved)) win[name] = value;
  });
  beforeEach(() => {
    fired.length = 0;
  });
  afterEach(async () => {
    await expectNoExecution();
    // Nothing reached the light DOM of the page either (a payload breaking out of an inline script).
    expect(document.querySelectorAll('body img, body iframe, body object, body embed, body svg, body math, body [onerror], body [onload]').length).to.equal(0);
  });

  describe('the corpus', () => {
    it('has at least 200 distinct, non-blank payloads; each code payload calls the canary with its own id', () => {
      expect(new Set(PAYLOADS).size).to.equal(PAYLOADS.length);
      expect(PAYLOADS.length).to.be.at.least(200);
      expect(PAYLOADS.every((p) => /\S/.test(p))).to.equal(true);
      PAYLOADS.forEach((p, id) => {
        if (/__xss\(/.test(p)) expect(p, `payload ${id}`).to.contain(`__xss(${id})`);
      });
      const families = {
        script: /<script/i,
        handler: /\bon[a-z]+\s*=/i,
        url: /(?:javascript|vbscript|data):/i,
        svgMath: /<(?:svg|math)/i,
        css: /expression\(|url\(|@import|<\/style>/i,
        lit: /lit\$|\$\{|\{\{/,
        unicode: /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/,
        nul: /\u0000/,
        long: /^[\s\S]{5000,}$/,
        entity: /&(?:#x?[0-9a-f]+|[a-z]+);/i,
      };
      for (const [family, re] of Object.entries(families)) expect(PAYLOADS.filter((p) => re.test(p)).length, family).to.be.at.least(3);
    });

    it('the detectors find what they look for (so a clean result means something)', () => {
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      const nested = document.createElement('span');
      nested.attachShadow({ mode: 'open' }).innerHTML = '<a href=" javascript:x">x</a><p onclick="x">y</p><span style="background:url(x)">z</span>';
      root.append(nested);
      root.append(Object.assign(document.createElement('template'), { innerHTML: '<img src=x onerror=x>' })); // inert
      expect(injected(host)).to.deep.equal(['<template> in <div>', 'a[href=" javascript:x"]', 'p[onclick]', 'span[style=background:url(x)]']);
      const text = Object.assign(document.createElement('p'), { textContent: 'Harz,\n  Landkreis' });
      nested.shadowRoot!.append(text);
      expect(shownText(host)).to.contain('Harz, Landkreis');
      expect(() => expectShown(host, ['Harz, Landkreis', 'Landkreis Harz'], 'self-test')).to.throw(/Landkreis Harz/);
    });

    it('the rotation puts every payload into every field, and every document is valid', () => {
      const seen = Object.fromEntries(FIELDS.map((f) => [f, new Set<string>()]));
      for (let i = 0; i < N; i++) {
        const r = rotation(i);
        for (const f of FIELDS) seen[f]!.add(r.s[f]);
        const result = validateDocument(r.doc);
        expect(result.valid, `rotation ${i}: ${result.valid ? '' : JSON.stringify(result.problems.slice(0, 2))}`).to.equal(true);
      }
      for (const f of FIELDS) expect(seen[f]!.size, f).to.equal(N);
    });
  });

  describe('<indikator-tabelle>', () => {
    for (const lang of ['de', 'en']) {
      it(`one table per payload, every field a different payload (${lang})`, async () => {
        const rotations = Array.from({ length: N }, (_, i) => rotation(i));
        const { elements } = await mount('indikator-tabelle', N, (el, i) => {
          el.setAttribute('lang', lang);
          el.setAttribute('breakdown', 'dim=c');
          el.data = rotations[i]!.doc;
        });
        for (const [i, el] of elements.entries()) {
          expect(alertOf(el), `table ${i}`).to.equal('');
          expectShown(el, shows.table(rotations[i]!), `rotation ${i}`);
        }
        expectClean(document, 'tables');
        // The table region takes focus (keyboard scrolling), nothing wakes up.
        (q(elements[0]!, '.scroll') as HTMLElement).focus();
      });
    }

    it('one table with every payload as region name, symbol, symbol label, footnote and source', async () => {
      const wide = wideDocument();
      const { elements } = await mount('indikator-tabelle', 1, (el) => {
        el.setAttribute('rows', 'region');
        el.setAttribute('indicator', 'ind');
        el.data = wide.doc;
      });
      const el = elements[0]!;
      expect(alertOf(el)).to.equal('');
      expectShown(el, [...wide.names, ...wide.symbols, ...wide.symbolLabels, ...wide.footnotes, ...wide.sources], 'wide table');
      expectClean(el, 'wide table');
    });

    it('attributes echoed in alerts and captions stay text', async () => {
      await echoAttributes('indikator-tabelle', () => undefined);
    });
  });

  describe('<indikator-chart>', () => {
    it('one chart per payload, every field a different payload; keyboard, table, CSV and PNG', async () => {
      const rotations = Array.from({ length: N }, (_, i) => rotation(i));
      const { elements } = await mount('indikator-chart', N, (el, i) => {
        el.setAttribute('breakdown', 'dim=c');
        el.data = rotations[i]!.doc;
      });
      for (const [i, el] of elements.entries()) {
        expect(alertOf(el), `chart ${i}`).to.equal('');
        expectShown(el, shows.chart(rotations[i]!), `rotation ${i}`);
      }
      // The first charts are drawn (the others wait until they come near the viewport): walk them by keyboard.
      const first = elements[0]!;
      await waitUntil(() => (first as unknown as { chart?: unknown }).chart, 'chart not drawn', { timeout: 10_000 });
      const plot = q(first, '.plot') as HTMLElement;
      plot.focus();
      // Series: the Land, Kreis A, Kreis B; periods 2020, 2021. Kreis A 2021 has the replacing symbol.
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowDown' });
      await first.updateComplete;
      const r = rotations[0]!;
      expect(fold(q(first, '.tooltip')?.textContent ?? '')).to.contain(fold(r.s.kreisA));
      expect(fold(q(first, '.live')?.textContent ?? '')).to.contain(fold(r.s.kreisA)).and.contain(fold(r.replacing)).and.contain(fold(r.s.replacingLabel));
      for (const key of ['ArrowDown', 'ArrowLeft', 'End', 'Home', 'ArrowUp']) {
        keydown(plot, key);
        await first.updateComplete;
        expectClean(first, `after ${key}`);
      }
      await sendKeys({ press: 'Escape' });
      // CSV and PNG are made in the browser: data: URLs of the right type, safe file names, strings unchanged.
      const csv = await captureDownload(() => (qa(first, '.actions button')[1] as HTMLButtonElement).click());
      expect(csv.href).to.match(/^data:text\/csv;charset=utf-8,/);
      expect(csv.name).to.match(/^[A-Za-z0-9._-]+$/);
      const content = decodeURIComponent(csv.href.slice(csv.href.indexOf(',') + 1));
      for (const name of [r.s.land, r.s.kreisA, r.s.kreisB]) expect(content, short(name)).to.contain(csvField(name));
      const png = await captureDownload(() => (qa(first, '.actions button')[2] as HTMLButtonElement).click());
      expect(png.href).to.match(/^data:image\/png;base64,/);
      expect(png.name).to.match(/^[A-Za-z0-9._-]+$/);
      // Table view of every chart.
      for (const el of elements) (q(el, '.actions button') as HTMLButtonElement).click();
      await Promise.all(elements.map((el) => el.updateComplete));
      expect(q(first, '.table-view')!.hasAttribute('hidden')).to.equal(false);
      expectClean(document, 'charts');
    });

    it('a ranking of every payload-named region and a stacked chart of every payload-named category', async () => {
      const wide = wideDocument();
      const { elements } = await mount('indikator-chart', 2, (el, i) => {
        el.data = wide.doc;
        if (i === 0) {
          el.setAttribute('type', 'bar');
          el.setAttribute('indicator', 'ind');
          el.setAttribute('region', '15');
        } else {
          el.setAttribute('type', 'stacked');
          el.setAttribute('indicator', 'ind2');
          el.setAttribute('region', '15');
        }
      });
      const [bar, stacked] = elements as [Kd, Kd];
      for (const el of elements) expect(alertOf(el)).to.equal('');
      expectShown(bar, [...wide.names, ...wide.symbols, ...wide.symbolLabels, ...wide.sources], 'ranking');
      expectShown(stacked, wide.categories, 'stacked');
      // Walk every bar: the tooltip and the announcement name each region unchanged.
      await waitUntil(() => (bar as unknown as { chart?: unknown }).chart, 'ranking not drawn', { timeout: 15_000 });
      const plot = q(bar, '.plot') as HTMLElement;
      plot.focus();
      const announced = new Set<string>();
      keydown(plot, 'Home');
      for (let k = 0; k < wide.ranked.length; k++) {
        if (k) keydown(plot, 'ArrowDown');
        await bar.updateComplete;
        announced.add(fold(q(bar, '.live')!.textContent ?? ''));
      }
      const said = [...announced].join('\n');
      expect(wide.ranked.filter((name) => !said.includes(fold(name))).map(short)).to.deep.equal([]);
      expectClean(document, 'ranking walk');
      // Enter selects: the event carries the official name unchanged.
      const selected = new Promise<CustomEvent>((resolve) => bar.addEventListener('kd-region-select', (e) => resolve(e as CustomEvent), { once: true }));
      keydown(plot, 'Enter');
      expect(wide.ranked).to.include((await selected).detail.name);
      // The CSV carries every name unchanged (a lone surrogate, which UTF-8 cannot hold, as U+FFFD).
      const csv = await captureDownload(() => (qa(bar, '.actions button')[1] as HTMLButtonElement).click());
      const content = decodeURIComponent(csv.href.slice(csv.href.indexOf(',') + 1));
      expect(wide.ranked.filter((name) => !content.includes(csvField(wellFormed(name)))).map(short)).to.deep.equal([]);
      for (const el of elements) (q(el, '.actions button') as HTMLButtonElement).click();
      await Promise.all(elements.map((el) => el.updateComplete));
      expectClean(document, 'chart tables');
    });

    it('attributes echoed in alerts and captions stay text', async () => {
      await echoAttributes('indikator-chart', (el) => {
        el.setAttribute('breakdown', 'dim=c');
      });
    });
  });

  describe('<kreis-map>', () => {
    it('one map per payload, every field a different payload; keyboard, table, sorting and CSV', async () => {
      const rotations = Array.from({ length: N }, (_, i) => rotation(i));
      const { elements } = await mount('kreis-map', N, (el, i) => {
        el.setAttribute('region', '15');
        el.setAttribute('breakdown', 'dim=c');
        el.data = rotations[i]!.doc;
      });
      for (const [i, el] of elements.entries()) {
        expect(alertOf(el), `map ${i}`).to.equal('');
        expectShown(el, shows.map(rotations[i]!), `rotation ${i}`);
      }
      const first = elements[0]!;
      await waitUntil(() => (first as unknown as { map?: { loaded(): boolean } }).map?.loaded(), 'map not drawn', { timeout: 15_000 });
      const area = q(first, '.map') as HTMLElement;
      area.focus();
      const said = new Set<string>();
      for (let k = 0; k < GEO_KEYS.length; k++) {
        keydown(area, 'ArrowRight');
        await first.updateComplete;
        said.add(fold(q(first, '.live')!.textContent ?? ''));
        expect(fold(q(first, '.tooltip')?.textContent ?? '')).to.equal([...said].at(-1));
      }
      const r = rotations[0]!;
      const spoken = [...said].join('\n');
      for (const name of [r.s.kreisA, r.s.kreisB, r.replacing, r.s.replacingLabel]) expect(spoken, short(name)).to.contain(fold(name));
      await sendKeys({ press: 'Escape' });
      const csv = await captureDownload(() => (qa(first, '.actions button')[1] as HTMLButtonElement).click());
      expect(csv.href).to.match(/^data:text\/csv;charset=utf-8,/);
      expect(csv.name).to.match(/^[A-Za-z0-9._-]+$/);
      expect(decodeURIComponent(csv.href.slice(csv.href.indexOf(',') + 1))).to.contain(csvField(r.s.kreisA));
      (q(first, '.actions button') as HTMLButtonElement).click();
      await first.updateComplete;
      for (const button of qa(first, 'button.sort') as HTMLButtonElement[]) {
        button.click();
        await first.updateComplete;
      }
      expectClean(document, 'maps');
    });

    it('one map with every payload as region name (on the map and beside it)', async () => {
      const wide = wideDocument();
      const { elements } = await mount('kreis-map', 1, (el) => {
        el.setAttribute('geo', GEO);
        el.setAttribute('indicator', 'ind');
        el.setAttribute('region', '15');
        el.data = wide.doc;
      });
      const el = elements[0]!;
      expect(alertOf(el)).to.equal('');
      expectShown(el, [...wide.mapped, ...wide.sources], 'wide map');
      await waitUntil(() => (el as unknown as { map?: { loaded(): boolean } }).map?.loaded(), 'map not drawn', { timeout: 15_000 });
      expectClean(el, 'wide map with labels');
    });

    it('attributes echoed in alerts, captions and the boundary line stay text', async () => {
      await echoAttributes('kreis-map', (el) => {
        el.setAttribute('geo', GEO);
        el.setAttribute('region', '15');
        el.setAttribute('breakdown', 'dim=c');
      });
    });
  });

  describe('<region-auswahl>', () => {
    it('one picker per payload set; opening the list shows the names unchanged', async () => {
      const rotations = Array.from({ length: N }, (_, i) => rotation(i));
      const { elements } = await mount('region-auswahl', N, (el, i) => {
        el.data = rotations[i]!.doc;
      });
      for (const el of elements) {
        const input = q(el, 'input') as HTMLInputElement;
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await Promise.all(elements.map((el) => el.updateComplete));
      for (const [i, el] of elements.entries()) {
        expect(qa(el, '[role="option"]')).to.have.length(3);
        expectShown(el, shows.picker(rotations[i]!), `rotation ${i}`);
      }
      expectClean(document, 'pickers');
    });

    it('searching for every payload finds it; typing, opening and choosing by keyboard', async () => {
      const wide = wideDocument();
      const { elements } = await mount('region-auswahl', 1, (el) => {
        el.data = wide.doc;
      });
      const el = elements[0]!;
      const input = q(el, 'input') as HTMLInputElement;
      const missing: string[] = [];
      for (const name of wide.names) {
        // What a reader can type: a text field drops line breaks, so the longest line of the name.
        input.value = name.split(/[\r\n]+/).sort((a, b) => b.length - a.length)[0]!;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await el.updateComplete;
        const options = qa(el, '[role="option"] .name').map((o) => o.textContent ?? '');
        if (!options.includes(name)) missing.push(short(name));
      }
      expect(missing, 'names not offered unchanged').to.deep.equal([]);
      expectClean(el, 'picker search');
      // Real typing: the field, the list and the choice.
      input.focus();
      input.select();
      await sendKeys({ type: '<img' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const active = q(el, '.option.active .name')!.textContent!;
      expect(active.toLowerCase()).to.contain('<img');
      const chosen = new Promise<CustomEvent>((resolve) => el.addEventListener('kd-region-select', (e) => resolve(e as CustomEvent), { once: true }));
      await sendKeys({ press: 'Enter' });
      expect((await chosen).detail.name).to.equal(active);
      await el.updateComplete;
      expect(input.value).to.equal(active);
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ up: 'Alt' });
      await el.updateComplete;
      expectClean(el, 'picker after typing');
    });

    it('attributes echoed in the label and alerts stay text', async () => {
      await echoAttributes('region-auswahl', () => undefined);
    });
  });

  describe('<themen-dossier>', () => {
    it('one dossier per payload, every field a different payload', async () => {
      const rotations = Array.from({ length: N }, (_, i) => rotation(i));
      const { elements } = await mount('themen-dossier', N, (el, i) => {
        el.setAttribute('region', '15001');
        el.setAttribute('topic', 'alle');
        el.setAttribute('navigation', 'none');
        el.data = rotations[i]!.doc;
      });
      for (const [i, el] of elements.entries()) {
        expect(alertOf(el), `dossier ${i}`).to.equal('');
        expectShown(el, shows.dossier(rotations[i]!), `rotation ${i}`);
      }
      expectClean(document, 'dossiers');
    });

    it('one dossier with every payload as section title and text, indicator label, unit and explanation', async () => {
      const wide = wideDossier();
      const { elements } = await mount('themen-dossier', 1, (el) => {
        el.setAttribute('region', '15001');
        el.setAttribute('topic', 'bevoelkerung');
        el.data = wide.doc;
      });
      const el = elements[0]!;
      expect(alertOf(el)).to.equal('');
      expectShown(el, wide.shown, 'wide dossier');
      expectClean(el, 'wide dossier');
      // The table of contents and the topic navigation.
      for (const link of qa(el, '.toc a').slice(0, 5) as HTMLAnchorElement[]) link.click();
      for (const button of qa(el, '.topics button') as HTMLButtonElement[]) {
        button.click();
        await el.updateComplete;
      }
      await waitUntil(() => q(el, 'article[aria-busy="false"]'), 'dossier did not settle', { timeout: 10_000 });
      expectClean(el, 'wide dossier after navigation');
    });

    it('attributes echoed in alerts stay text', async () => {
      await echoAttributes('themen-dossier', (el) => {
        el.setAttribute('region', '15001');
        el.setAttribute('navigation', 'none');
      });
    });

    it('section options cannot set handlers, styles or any URL on composed elements', async () => {
      const evil = {
        onclick: '__xss(9001)',
        onmouseover: '__xss(9002)',
        onerror: '__xss(9003)',
        style: 'display:none',
        src: '/__test__/status/404',
        geo: 'data:application/json,{}',
        basemap: 'data:application/json,{"version":8,"sources":{},"layers":[]}',
        'maplibre-url': 'data:text/javascript,window.__xss(9004)',
        'worker-url': 'data:text/javascript,self.postMessage(9005)',
        heading: '<img src=x onerror=__xss(9006)>',
      };
      const definition = {
        kreisdossier: '1.0',
        dataset: { id: 'd', title: 'D', sources: [{ publisher: 'P' }], license: { id: 'CC0-1.0' }, attribution: 'A', referenceDate: '2024-01-01' },
        regions: [],
        indicators: [],
        observations: [],
        dossier: {
          topics: [
            {
              topic: 'Arbeitsmarkt und Wirtschaft',
              sections: [
                { id: 'c', title: 'Diagramm', element: 'chart', indicators: ['arbeitslosenquote'], options: { type: 'bar', ...evil } },
                { id: 'm', title: 'Karte', element: 'map', indicators: ['arbeitslosenquote'], options: { scheme: 'greens', ...evil } },
                { id: 't', title: 'Tabelle', element: 'table', indicators: ['arbeitslosenquote'], options: { rows: 'region', ...evil } },
              ],
            },
          ],
        },
      };
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 800px"></div>`);
      wrapper.innerHTML = `<themen-dossier src="/demo/data/arbeitslosigkeit-kreise.json /demo/data/geo/grenzen-kreise.json" region="15085" topic="arbeitsmarkt-wirtschaft" navigation="none"><script type="application/json">${JSON.stringify(definition).replace(/</g, '\\u003c')}</script></themen-dossier>`;
      const el = wrapper.querySelector('themen-dossier') as Kd;
      await waitUntil(() => q(el, 'article[aria-busy="false"] kreis-map'), 'dossier did not render', { timeout: 15_000 });
      const composed = [q(el, 'indikator-chart'), q(el, 'kreis-map'), q(el, 'indikator-tabelle')];
      for (const child of composed) {
        expect(child !== null, 'composed element').to.equal(true);
        for (const name of Object.keys(evil).filter((n) => n !== 'heading')) {
          expect(child!.hasAttribute(name), `<${child!.localName}> ${name}`).to.equal(false);
        }
        // Plain declared options still pass, as text.
        expect(child!.getAttribute('heading')).to.equal(evil.heading);
      }
      expect(composed[0]!.getAttribute('type')).to.equal('bar');
      expect(composed[1]!.getAttribute('scheme')).to.equal('greens');
      expect(composed[2]!.getAttribute('rows')).to.equal('region');
      const map = composed[1] as Kd;
      await waitUntil(() => map.shadowRoot?.querySelector('figure, [role="alert"]'), 'composed map did not render', { timeout: 15_000 });
      expect(alertOf(map)).to.equal('');
      expectShown(el, [evil.heading], 'heading option');
      expectClean(el, 'dossier with options');
    });
  });

  describe('inline JSON, escaped as a CMS writes it', () => {
    const escapers: Array<[string, (json: string) => string]> = [
      ['"</" as "<\\/" and "<!--" as "<\\u0021--"', (json) => json.replace(/<\//g, '<\\/').replace(/<!--/g, '<\\u0021--')],
      ['every "<" as "\\u003c"', (json) => json.replace(/</g, '\\u003c')],
    ];
    for (const [name, escape] of escapers) {
      it(`${name}: read unchanged, nothing breaks out of the script element`, async () => {
        const wide = wideDocument();
        const json = escape(JSON.stringify(wide.doc));
        expect(json).not.to.match(/<\/script|<!--/i);
        const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 720px"></div>`);
        // A parser-inserted-like fragment: scripts in it would run, handlers would fire.
        const fragment = document.createRange().createContextualFragment(
          `<indikator-tabelle rows="region" indicator="ind"><script type="application/json">${json}</script></indikator-tabelle>` +
            `<region-auswahl><script type="application/json">${json}</script></region-auswahl><p id="after">Rest der Seite</p>`,
        );
        wrapper.append(fragment);
        const [table, picker] = [wrapper.querySelector('indikator-tabelle') as Kd, wrapper.querySelector('region-auswahl') as Kd];
        await waitUntil(() => q(table, 'table, [role="alert"]') && q(picker, 'input, [role="alert"]'), 'inline data not read', { timeout: 15_000 });
        await table.updateComplete;
        // The structure is exactly what was written: one JSON script per element, then the rest of the page.
        expect([...wrapper.children].map((c) => c.localName)).to.deep.equal(['indikator-tabelle', 'region-auswahl', 'p']);
        for (const host of [table, picker]) {
          expect([...host.children].map((c) => `${c.localName}[${c.getAttribute('type')}]`)).to.deep.equal(['script[application/json]']);
          expect(JSON.parse(host.firstElementChild!.textContent!)).to.deep.equal(wide.doc);
        }
        expect(wrapper.querySelector('#after')!.textContent).to.equal('Rest der Seite');
        expect(alertOf(table)).to.equal('');
        expectShown(table, [...wide.names, ...wide.symbols, ...wide.symbolLabels, ...wide.footnotes, ...wide.sources], 'inline table');
        expectClean(wrapper, 'inline');
      });
    }

    it('unescaped, "</script>" would end the script early: why the escaping matters (checked in an inert document)', () => {
      const doc = plain().doc;
      doc.dataset.attribution = '</script><img src=x onerror=__xss(9999)>';
      const parsed = new DOMParser().parseFromString(`<indikator-tabelle><script type="application/json">${JSON.stringify(doc)}</script></indikator-tabelle>`, 'text/html');
      expect(parsed.querySelector('indikator-tabelle img') !== null).to.equal(true);
      expect(() => JSON.parse(parsed.querySelector('script')!.textContent!)).to.throw();
    });
  });

  describe('links from data', () => {
    const BAD = [
      'javascript:__xss(9101)',
      'JavaScript:__xss(9102)',
      ' javascript:__xss(9103)',
      '\tjavascript:__xss(9104)',
      'java\tscript:__xss(9105)',
      '\u0001javascript:__xss(9106)',
      'data:text/html,<script>__xss(9107)</script>',
      'DATA:text/html;base64,PHNjcmlwdD5fX3hzcyg5MTA4KTwvc2NyaXB0Pg==',
      'vbscript:msgbox(9109)',
      '//evil.example/quelle',
      '/relative/path',
      '#fragment',
      'https://evil.example/ onmouseover=__xss(9110)',
      'https:evil.example',
      'ftp://example.org/x',
      'mailto:statistik@example.org',
    ];
    const fields: Array<[string, (doc: Doc, url: string) => void]> = [
      ['$.dataset.sources[0].url', (doc, url) => (doc.dataset.sources[0].url = url)],
      ['$.dataset.license.url', (doc, url) => (doc.dataset.license = { id: 'dl-de/by-2-0', name: 'Datenlizenz', url })],
    ];

    it('a document with a javascript:, data:, protocol-relative or other non-web URL is rejected, with an alert and a console warning naming the path', async () => {
      const cases = fields.flatMap(([path, set]) => BAD.map((url) => ({ path, url, doc: ((d) => (set(d, url), d))(plain().doc) })));
      for (const c of cases) {
        const result = validateDocument(c.doc);
        expect(result.valid, `${c.path} = ${JSON.stringify(c.url)}`).to.equal(false);
        if (!result.valid) expect(result.problems.map((p) => p.path)).to.include(c.path);
      }
      const { elements } = await mount('indikator-tabelle', cases.length, (el, i) => {
        el.setAttribute('breakdown', 'dim=c');
        el.data = cases[i]!.doc;
      });
      const warnings = page.warnings().join('\n');
      elements.forEach((el, i) => {
        expect(alertOf(el), `${cases[i]!.path} = ${JSON.stringify(cases[i]!.url)}`).to.contain(cases[i]!.path);
        expect(qa(el, 'a').length, 'no link rendered').to.equal(0);
      });
      for (const { path } of cases) expect(warnings).to.contain(`data: ${path}`);
      expectClean(document, 'rejected links');
    });

    it('web links render unchanged as links that hand over neither the page nor the referrer', async () => {
      const GOOD = [
        'https://www.regionalstatistik.de/genesis/online?operation=table&code=12411-01-01-4',
        'http://example.org/a"b<c>d',
        'https://example.org/?q=<script>__xss(9201)</script>',
        "https://example.org/'onmouseover='__xss(9202)'",
        'https://example.org/#"><img/src=x/onerror=__xss(9203)>',
      ];
      const { elements } = await mount('indikator-tabelle', GOOD.length, (el, i) => {
        const doc = plain().doc;
        doc.dataset.sources[0].url = GOOD[i];
        doc.dataset.license = { id: 'dl-de/by-2-0', name: 'Datenlizenz', url: GOOD[i] };
        el.setAttribute('breakdown', 'dim=c');
        el.data = doc;
      });
      elements.forEach((el, i) => {
        expect(alertOf(el), GOOD[i]).to.equal('');
        const links = qa(el, '[part="source"] a');
        expect(links).to.have.length(2);
        for (const a of links) {
          expect(a.getAttribute('href')).to.equal(GOOD[i]);
          const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
          expect(rel).to.include('noopener').and.include('noreferrer');
          if (a.hasAttribute('target')) expect(a.getAttribute('target')).to.equal('_blank');
        }
      });
      expectClean(document, 'links');
    });
  });

  describe('boundary file URLs from data', () => {
    it('are relative or http(s): schemes hidden by tabs, line breaks or control characters are rejected too', () => {
      const withGeometry = (url: string) => ({ ...plain().doc, geometry: { url, format: 'geojson', attribution: 'BKG' } });
      const bad = [
        'javascript:__xss(9301)',
        ' javascript:__xss(9302)',
        'java\tscript:__xss(9303)',
        'java\nscript:__xss(9304)',
        'da\rta:application/json,{}',
        '\u0001data:application/json,{}',
        'DATA:application/json,{}',
        'vbscript:x',
        'file:///etc/passwd',
        'blob:https://example.org/x',
      ];
      for (const url of bad) {
        const result = validateDocument(withGeometry(url));
        expect(result.valid, JSON.stringify(url)).to.equal(false);
        if (!result.valid) expect(result.problems.map((p) => p.path)).to.include('$.geometry.url');
      }
      for (const url of ['st-kreise-2021.geojson', '/examples/st-kreise-2021.geojson', '../geo/kreise.topo.json', 'https://example.org/geo.json', '//example.org/geo.json']) {
        expect(validateDocument(withGeometry(url)).valid, url).to.equal(true);
      }
    });
  });

  describe('record keys that objects inherit', () => {
    const doc = (symbols: Doc | undefined, status: string, value: number | null = 1) => {
      const d = plain().doc;
      if (symbols) d.statusSymbols = symbols;
      else delete d.statusSymbols;
      d.observations = [{ indicator: 'ind', region: '15001', period: '2020', breakdown: { dim: 't' }, value, status }];
      return d;
    };

    it('an undeclared symbol named like an Object property is rejected, never taken as declared', () => {
      for (const status of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf']) {
        for (const value of [1, null]) {
          const result = validateDocument(doc({ leer: { label: 'leer', replacesValue: true } }, status, value));
          expect(result.valid, `status ${status} (value ${value})`).to.equal(false);
          if (!result.valid) expect(result.problems.map((p) => p.path)).to.include('$.observations[0].status');
        }
      }
    });

    it('symbols and units named like Object properties are shown unchanged (German and English)', async () => {
      const names = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];
      const make = (name: string) => {
        const d = doc({ [name]: { label: `Erklärung ${name}`, replacesValue: true } }, name, null);
        d.observations.push({ indicator: 'ind', region: '15002', period: '2020', breakdown: { dim: 't' }, value: 2 });
        d.indicators[0].unit = name;
        return d;
      };
      const units = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'prototype'];
      const { elements } = await mount('indikator-tabelle', names.length * 2 + units.length, (el, i) => {
        el.setAttribute('lang', i % 2 ? 'en' : 'de');
        if (i < names.length * 2) el.data = make(names[i >> 1]!);
        else {
          const d = plain().doc;
          d.indicators[0].unit = units[i - names.length * 2];
          el.setAttribute('lang', 'en');
          el.data = d;
        }
      });
      elements.forEach((el, i) => {
        expect(alertOf(el)).to.equal('');
        const caption = fold(q(el, 'caption')!.textContent!);
        if (i < names.length * 2) {
          const name = names[i >> 1]!;
          expectShown(el, [name, `Erklärung ${name}`], name);
          expect(caption).to.match(new RegExp(`\\(in ${name}\\)$`));
        } else {
          expect(caption, units[i - names.length * 2]).to.match(new RegExp(`\\(in ${units[i - names.length * 2]}\\)$`));
        }
      });
    });
  });
});

/* ------------------------------------------------------------------ wide documents */

interface Wide {
  doc: Doc;
  names: string[];
  /** Names of regions that have a value (ranked); the rest are listed below the ranking. */
  ranked: string[];
  /** Names on the map: the boundary file's regions, and those beside it with a value. */
  mapped: string[];
  symbols: string[];
  symbolLabels: string[];
  footnotes: string[];
  sources: string[];
  categories: string[];
}

let wideCache: Wide | undefined;

/**
 * One document in which every region (14 with boundaries, the rest without), status symbol, symbol
 * label, footnote, source and category carries its own payload.
 */
function wideDocument(): Wide {
  if (wideCache) return structuredClone(wideCache);
  const keys = Array.from({ length: N }, (_, k) => (k < GEO_KEYS.length ? GEO_KEYS[k]! : String(15100 + k)));
  const names = keys.map((_, k) => at(k));
  const symbols: string[] = [];
  const symbolLabels: string[] = [];
  const statusSymbols: Doc = {};
  const observations: Doc[] = [{ indicator: 'ind', region: '15', period: '2021', value: 1000 }];
  const ranked: string[] = [];
  const mapped: string[] = [];
  keys.forEach((key, k) => {
    // 0: replacing symbol, 1: qualifying symbol, 2: plain value (each symbol key once)
    const kind = k < SYMBOL_KEYS.length ? k % 3 : 2;
    const o: Doc = { indicator: 'ind', region: key, period: '2021', value: kind === 0 ? null : k + 1, footnote: at(k + 3) };
    if (kind < 2) {
      const symbol = keyAt(k);
      symbols.push(symbol);
      symbolLabels.push(at(k + 1));
      statusSymbols[symbol] = { label: at(k + 1), replacesValue: kind === 0 };
      o['status'] = symbol;
    }
    if (kind) ranked.push(names[k]!);
    if (k < GEO_KEYS.length || kind) mapped.push(names[k]!);
    observations.push(o);
  });
  const categories = Array.from({ length: N }, (_, k) => at(k + 5));
  categories.forEach((_, k) => observations.push({ indicator: 'ind2', region: '15', period: '2021', breakdown: { gruppe: `g${k}` }, value: k + 1 }));
  const sources = Array.from({ length: N }, (_, k) => ({ publisher: at(k), table: at(k + 1), title: at(k + 2) }));
  const doc: Doc = {
    kreisdossier: '1.0',
    dataset: {
      id: 'wide',
      title: 'Breit',
      sources,
      license: { id: 'dl-de/by-2-0', name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', url: 'https://www.govdata.de/dl-de/by-2-0' },
      attribution: '© Test',
      referenceDate: '2022-06-30',
    },
    regions: [{ key: '15', name: 'Sachsen-Anhalt', level: 'Land' }, ...keys.map((key, k) => ({ key, name: names[k], level: 'Kreis', parent: '15' }))],
    dimensions: [{ id: 'gruppe', label: 'Gruppe', categories: categories.map((label, k) => ({ id: `g${k}`, label })) }],
    indicators: [
      { id: 'ind', label: 'Indikator', unit: 'Einheit', decimals: 0, topic: 'Bevölkerung', polarity: 'neutral', kind: 'mean' },
      { id: 'ind2', label: 'Anteile', unit: 'Personen', decimals: 0, topic: 'Bevölkerung', polarity: 'neutral', kind: 'count', dimensions: ['gruppe'] },
    ],
    statusSymbols,
    observations,
  };
  wideCache = {
    doc,
    names,
    ranked,
    mapped,
    symbols,
    symbolLabels,
    footnotes: keys.map((_, k) => at(k + 3)),
    sources: sources.flatMap((s) => [s.publisher, s.table, s.title]),
    categories,
  };
  return structuredClone(wideCache);
}

/**
 * A dossier definition with every payload as section title and text, and as an indicator's label, unit
 * and explanation; plus a map section, so the boundaries' attribution and licence are listed too.
 */
function wideDossier(): { doc: Doc; shown: string[] } {
  const indicators = Array.from({ length: N }, (_, k) => ({
    id: `i${k}`,
    label: at(k),
    unit: at(k + 1),
    explanation: at(k + 2),
    decimals: 0,
    topic: 'Bevölkerung',
    polarity: 'neutral',
    kind: 'mean',
  }));
  const observations = indicators.flatMap((i, k) => [
    { indicator: i.id, region: '15001', period: '2021', value: k + 1 },
    { indicator: i.id, region: '15', period: '2021', value: k + 2 },
  ]);
  observations.push({ indicator: 'i0', region: '15002', period: '2021', value: 7 });
  const sections = Array.from({ length: N }, (_, k) => ({ id: `s${k}`, title: at(k + 3), text: at(k + 4), element: 'text', indicators: [] }));
  const doc: Doc = {
    kreisdossier: '1.0',
    dataset: { id: 'wide-dossier', title: 'D', sources: [{ publisher: at(7) }], license: { id: at(8) }, attribution: at(9), referenceDate: '2022-06-30' },
    regions: [
      { key: '15', name: at(10), level: 'Land' },
      { key: '15001', name: at(11), level: 'Kreis', parent: '15' },
      { key: '15002', name: at(15), level: 'Kreis', parent: '15' },
    ],
    indicators,
    observations,
    geometry: { url: GEO, format: 'geojson', attribution: at(16), license: { id: 'dl-de/by-2-0', name: at(17) } },
    dossier: {
      topics: [
        {
          topic: 'Bevölkerung',
          title: at(12),
          intro: at(13),
          sections: [
            { id: 'kennzahlen', title: at(14), element: 'figures', indicators: indicators.map((i) => i.id) },
            { id: 'karte', title: at(18), element: 'map', indicators: ['i0'] },
            ...sections,
          ],
        },
      ],
    },
  };
  const shown = [
    ...indicators.flatMap((i) => [i.label, i.unit, i.explanation]),
    ...sections.flatMap((s) => [s.title, s.text]),
    at(7),
    at(8),
    at(9),
    at(10),
    at(11),
    at(13),
    at(14),
    at(16),
    at(17),
    at(18),
  ];
  return { doc, shown };
}

/* ------------------------------------------------------------------ attributes */

/** How an element echoes an attribute value: whole, or (lists of keys and pairs) the first word. */
const whole = (p: string) => p;
const firstWord = (p: string) => p.split(/\s+/).filter(Boolean)[0] ?? '';

const ATTRIBUTES: Record<string, Array<[string, (p: string) => string]>> = {
  'indikator-tabelle': [
    ['heading', whole],
    ['indicator', whole],
    ['region', firstWord],
    ['period', whole],
    ['from', whole],
    ['to', whole],
    ['breakdown', firstWord],
  ],
  'indikator-chart': [
    ['heading', whole],
    ['indicator', whole],
    ['region', firstWord],
    ['compare', firstWord],
    ['period', whole],
    ['from', whole],
    ['to', whole],
    ['base', whole],
    ['breakdown', firstWord],
    ['highlight', whole],
  ],
  'kreis-map': [
    ['heading', whole],
    ['geo-attribution', whole],
    ['indicator', whole],
    ['region', firstWord],
    ['period', whole],
    ['breakdown', firstWord],
    ['key-property', whole],
  ],
  'region-auswahl': [
    ['heading', whole],
    ['region', whole],
    ['indicator', whole],
    ['level', firstWord],
  ],
  'themen-dossier': [
    ['region', whole],
    ['topic', whole],
    ['compare', firstWord],
  ],
};
