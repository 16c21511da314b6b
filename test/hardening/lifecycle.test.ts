// Issue 7.6: element lifecycles. Elements are created and removed hundreds of times (a single-page app, a CMS
// preview, a dossier switching regions) and their attributes are switched faster than data and drawing can
// follow. Nothing may pile up — detached elements, listeners on document/window/media queries, observers,
// WebGL contexts, Chart.js charts, MapLibre maps — and the last value set always wins.
//
// How it is measured (Chromium without --expose-gc; performance.memory is quantized and cached, and
// measureUserAgentSpecificMemory needs cross-origin isolation, so neither can see a few hundred elements):
// - detached elements: every removed element is registered with a FinalizationRegistry; major collections are
//   then forced by allocation pressure until plain control elements, put in and removed the same way, are
//   collected, and the elements not finalized are counted;
// - listeners: EventTarget.prototype.add/removeEventListener wrapped; live registrations on window, document
//   and MediaQueryLists counted with the DOM's own de-duplication (type, listener, capture);
// - observers: IntersectionObserver, ResizeObserver and MutationObserver replaced by subclasses counting
//   observed targets (observe − unobserve − disconnect);
// - WebGL: getContext wrapped; a context is live until lost or collected. Chromium keeps at most 16 and, when a
//   page exceeds that, warns "Too many active WebGL contexts" and force-loses the oldest: such a loss (one not
//   requested through WEBGL_lose_context, as MapLibre's remove() does) is counted and must never happen;
// - Chart.js: Chart.instances of the chart runtime; MapLibre: calls of Map.prototype.remove against the maps
//   created (each map makes one context on a canvas.maplibregl-canvas).
import { expect } from '@open-wc/testing';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { guardPage } from '../fixtures/page-guard.js';
import { forgetGeometry } from '../../src/data/load-geometry.js';
import { DEFAULT_MAPLIBRE_URL } from '../../src/kreis-map/maplibre-url.js';
import '../../src/kreisdossier.js';
import type { IndikatorChart } from '../../src/indikator-chart/indikator-chart.js';
import type { IndikatorTabelle } from '../../src/indikator-tabelle/indikator-tabelle.js';
import type { KreisMap } from '../../src/kreis-map/kreis-map.js';
import type { RegionAuswahl } from '../../src/region-auswahl/region-auswahl.js';
import type { ThemenDossier } from '../../src/themen-dossier/themen-dossier.js';
import { HARZ_DOSSIER_FILES } from '../fixtures/demo-files.js';

const ALQ = '/demo/data/arbeitslosigkeit-kreise.json';
const BEV = '/demo/data/bevoelkerung-kreise.json';
const HARZ_DATA = '/demo/data/bevoelkerung-gemeinden-harz.json';
const HARZ_GEO = '/demo/data/geo/harz-gemeinden-2021.topo.json';
const ST_GEO = '/demo/data/geo/st-kreise-2021.topo.json';
// The dossier's first topic needs only the first ten files.
const DOSSIER_SRC = HARZ_DOSSIER_FILES.slice(0, 10).join(' ');
/** The Kreise of Sachsen-Anhalt (2007 onwards), as in the data and the boundaries. */
const ST_KREISE = ['15001', '15002', '15003', '15081', '15082', '15083', '15084', '15085', '15086', '15087', '15088', '15089', '15090', '15091'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Private state of an element, read for the checks (`map`, `chart`, `model` …). */
const internals = (el: object) => el as unknown as Record<string, any>;

// ---------------------------------------------------------------------------------------------------------------
// Instrumentation

type Category = 'window' | 'document' | 'media';
type ObserverName = 'IntersectionObserver' | 'ResizeObserver' | 'MutationObserver';

class Probe {
  private readonly listeners = new Map<EventTarget, Map<string, Set<unknown>>>();
  private readonly observed: Record<ObserverName, Map<object, Set<Node>>> = {
    IntersectionObserver: new Map(),
    ResizeObserver: new Map(),
    MutationObserver: new Map(),
  };
  private readonly contexts: Array<WeakRef<WebGLRenderingContext | WebGL2RenderingContext>> = [];
  private readonly seen = new WeakSet<object>();
  private readonly intentional = new WeakSet<object>();
  /** Contexts Chromium took away (the "Too many active WebGL contexts" case). */
  forcedLosses = 0;
  mapContexts = 0;
  maxLiveContexts = 0;
  private readonly restore: Array<() => void> = [];

  install(): void {
    const probe = this;
    const proto = EventTarget.prototype;
    const { addEventListener: add, removeEventListener: remove } = proto;
    const category = (t: EventTarget): Category | undefined =>
      t === window ? 'window' : t === document ? 'document' : t instanceof MediaQueryList ? 'media' : undefined;
    const keyOf = (type: string, options?: boolean | EventListenerOptions) => `${type}|${typeof options === 'boolean' ? options : !!options?.capture}`;
    proto.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
      add.call(this, type, listener, options);
      if (!listener || !category(this) || (typeof options === 'object' && options.once)) return; // `once` removes itself
      let byKey = probe.listeners.get(this);
      if (!byKey) probe.listeners.set(this, (byKey = new Map()));
      const key = keyOf(type, options);
      let set = byKey.get(key);
      if (!set) byKey.set(key, (set = new Set()));
      set.add(listener);
      if (typeof options === 'object' && options.signal) options.signal.addEventListener('abort', () => set!.delete(listener), { once: true });
    };
    proto.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
      remove.call(this, type, listener, options);
      const byKey = probe.listeners.get(this);
      const set = byKey?.get(keyOf(type, options));
      if (!set) return;
      set.delete(listener);
      if (!set.size) byKey!.delete(keyOf(type, options));
      if (!byKey!.size) probe.listeners.delete(this);
    };
    this.restore.push(() => Object.assign(proto, { addEventListener: add, removeEventListener: remove }));

    for (const name of ['IntersectionObserver', 'ResizeObserver', 'MutationObserver'] as const) {
      const Original = window[name] as unknown as new (...args: any[]) => any;
      const observed = this.observed[name];
      const Tracked = class extends Original {
        observe(target: Node, options?: unknown) {
          super.observe(target, options);
          let targets = observed.get(this);
          if (!targets) observed.set(this, (targets = new Set()));
          targets.add(target);
        }
        unobserve(target: Node) {
          super.unobserve(target);
          const targets = observed.get(this);
          targets?.delete(target);
          if (targets && !targets.size) observed.delete(this);
        }
        disconnect() {
          super.disconnect();
          observed.delete(this);
        }
      };
      (window as any)[name] = Tracked;
      this.restore.push(() => ((window as any)[name] = Original));
    }

    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      const context = (getContext as any).call(this, type, ...rest);
      if (context && /webgl/.test(type) && !probe.seen.has(context)) {
        probe.seen.add(context);
        probe.contexts.push(new WeakRef(context));
        if (this.classList.contains('maplibregl-canvas')) probe.mapContexts++;
        this.addEventListener('webglcontextlost', () => {
          if (!probe.intentional.has(context)) probe.forcedLosses++;
        });
      }
      return context;
    } as typeof getContext;
    this.restore.push(() => (HTMLCanvasElement.prototype.getContext = getContext));
    for (const Context of [WebGLRenderingContext, WebGL2RenderingContext]) {
      const getExtension = Context.prototype.getExtension;
      const wrapped = new WeakSet<object>();
      Context.prototype.getExtension = function (this: WebGLRenderingContext, name: string) {
        const extension = (getExtension as any).call(this, name);
        if (name === 'WEBGL_lose_context' && extension && !wrapped.has(extension)) {
          wrapped.add(extension);
          const lose = extension.loseContext.bind(extension);
          extension.loseContext = () => {
            probe.intentional.add(this);
            lose();
          };
        }
        return extension;
      } as typeof getExtension;
      this.restore.push(() => (Context.prototype.getExtension = getExtension));
    }
  }

  uninstall(): void {
    this.restore.splice(0).reverse().forEach((f) => f());
  }

  /** Live listener registrations per target kind. */
  listenerCounts(): Record<Category, number> {
    const counts: Record<Category, number> = { window: 0, document: 0, media: 0 };
    for (const [target, byKey] of this.listeners) {
      const c: Category = target === window ? 'window' : target === document ? 'document' : 'media';
      for (const set of byKey.values()) counts[c] += set.size;
    }
    return counts;
  }

  /** "document: keydown|false ×1" lines, to name what is left. */
  listenerDetails(): string[] {
    const lines: string[] = [];
    for (const [target, byKey] of this.listeners) {
      const c = target === window ? 'window' : target === document ? 'document' : 'media';
      for (const [key, set] of byKey) lines.push(`${c}: ${key} ×${set.size}`);
    }
    return lines.sort();
  }

  /** Observed targets per observer kind. */
  observerCounts(): Record<ObserverName, number> {
    const count = (m: Map<object, Set<Node>>) => [...m.values()].reduce((n, s) => n + s.size, 0);
    return { IntersectionObserver: count(this.observed.IntersectionObserver), ResizeObserver: count(this.observed.ResizeObserver), MutationObserver: count(this.observed.MutationObserver) };
  }

  liveContexts(): number {
    const live = this.contexts.filter((r) => {
      const c = r.deref();
      return c && !c.isContextLost();
    }).length;
    this.maxLiveContexts = Math.max(this.maxLiveContexts, live);
    return live;
  }

  snapshot() {
    return { listeners: this.listenerCounts(), details: this.listenerDetails(), observers: this.observerCounts(), webglContexts: this.liveContexts() };
  }
}

/**
 * Counts objects that are still alive without ever dereferencing them: a WeakRef's deref() keeps its target
 * alive until the end of the current job, which would defeat the collection that is meant to free it.
 */
class Tracker {
  registered = 0;
  collected = 0;
  private readonly registry = new FinalizationRegistry<null>(() => this.collected++);
  add(target: object): void {
    this.registered++;
    this.registry.register(target, null);
  }
  get alive(): number {
    return this.registered - this.collected;
  }
}

/**
 * Forces major garbage collections without --expose-gc: keeps allocating (and holding) old-space objects until
 * plain control elements — put into the page and removed, like the elements under test — are collected.
 */
async function collectGarbage(maxMs = 10_000): Promise<void> {
  const controls = new Tracker();
  for (let i = 0; i < 20; i++) {
    const div = document.createElement('div');
    div.attachShadow({ mode: 'open' }).innerHTML = '<p>control</p>';
    document.body.append(div);
    div.remove();
    controls.add(div);
  }
  const start = performance.now();
  let hold: unknown[] = [];
  let round = 0;
  // (the last control may stay reachable from the stack; the rest must go)
  while (controls.alive > 1) {
    if (performance.now() - start > maxMs) throw new Error(`garbage collection could not be forced: ${controls.alive}/20 control elements survived`);
    round++;
    for (let i = 0; i < 10; i++) hold.push(Array.from({ length: 20_000 }, (_, k) => ({ k })));
    if (round % 10 === 0) hold = [];
    await sleep(0); // finalization callbacks run in later tasks
  }
  hold = [];
}

/**
 * How many tracked elements are still reachable. Collections are forced, with idle time between them, until the
 * count is within `bound` or `windowMs` has passed (elements removed while a load was in flight may be held
 * until it settles); a real leak stays put.
 */
async function reachableAfterGc(tracker: Tracker, bound: number, windowMs = 5000): Promise<{ survivors: number; rounds: number; ms: number }> {
  const start = performance.now();
  let rounds = 0;
  while (tracker.alive > bound && performance.now() - start < windowMs) {
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 200 }));
    await collectGarbage();
    await sleep(100);
    rounds++;
  }
  return { survivors: tracker.alive, rounds, ms: performance.now() - start };
}

/**
 * Polls until `predicate` is truthy. (Not @open-wc's waitUntil: its timeout timer is never cleared, and its
 * closure keeps the predicate — and the element it names — reachable for the whole timeout, which would show
 * up here as a leak.)
 */
async function until(predicate: () => unknown, message = 'condition not met', timeout = 10_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timeout: ${message}`);
    await sleep(20);
  }
}

/** Waits for kd-render (or an alert) of one element, failing after `ms`. */
function renderedOnce(el: Element, ms = 15_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`<${el.localName}> did not render within ${ms} ms`)), ms);
    const done = () => {
      clearTimeout(timer);
      el.removeEventListener('kd-render', done);
      el.removeEventListener('kd-error', done);
      resolve();
    };
    el.addEventListener('kd-render', done);
    el.addEventListener('kd-error', done);
  });
}

// ---------------------------------------------------------------------------------------------------------------

describe('element lifecycle', function () {
  this.timeout(90_000);
  const page = guardPage();
  const probe = new Probe();
  let stage: HTMLDivElement;
  let Chart: { instances: Record<string, unknown> };
  let removedMaps = 0;
  let restoreRemove: (() => void) | undefined;
  const consoleErrors: unknown[] = [];
  const originalError = console.error;

  before(async () => {
    // The same module instances the elements use (same URLs).
    ({ Chart } = (await import('../../src/indikator-chart/chart-runtime.js')) as unknown as { Chart: { instances: Record<string, unknown> } });
    const maplibre = (await import(/* @vite-ignore */ DEFAULT_MAPLIBRE_URL)) as typeof import('maplibre-gl');
    const remove = maplibre.Map.prototype.remove;
    maplibre.Map.prototype.remove = function (this: MapLibreMap) {
      removedMaps++;
      return remove.call(this);
    };
    restoreRemove = () => (maplibre.Map.prototype.remove = remove);
    probe.install();
    console.error = (...args: unknown[]) => consoleErrors.push(args.map(String).join(' '));
  });

  after(() => {
    probe.uninstall();
    restoreRemove?.();
    console.error = originalError;
  });

  beforeEach(() => {
    stage = document.createElement('div');
    stage.style.width = '640px';
    document.body.prepend(stage);
    consoleErrors.length = 0;
  });

  afterEach(() => {
    stage.remove();
    forgetGeometry();
    expect(consoleErrors, 'console.error').to.deep.equal([]);
  });

  /**
   * Creates and removes `n` elements one after another. Removal comes at every stage of an element's life:
   * at once (data not loaded), after a task (data arriving), or after `ready` (fully drawn) — by `i % 4`.
   */
  async function cycles<T extends HTMLElement>(n: number, create: (i: number) => T, ready: (el: T, i: number) => Promise<void>): Promise<{ refs: Tracker; full: number }> {
    const refs = new Tracker();
    let full = 0;
    for (let i = 0; i < n; i++) {
      const el = create(i);
      stage.append(el);
      if (i % 4 === 1) await sleep(0);
      else if (i % 4 >= 2) {
        await ready(el, i);
        full++;
        if (i % 4 === 3) await frame();
      }
      probe.liveContexts(); // records the maximum
      el.remove();
      refs.add(el);
    }
    return { refs, full };
  }

  type Snapshot = ReturnType<Probe['snapshot']>;

  /**
   * One element created, drawn and removed before the baseline: what exists once per page (the page-language
   * observer, Chart.js's and MapLibre's module state, cached data) is not counted as growth.
   */
  async function warmUp(el: HTMLElement, ready: (el: HTMLElement) => Promise<unknown> = renderedOnce): Promise<Snapshot> {
    stage.append(el);
    await ready(el);
    el.remove();
    await sleep(50);
    return probe.snapshot();
  }

  /** After the cycles: nothing left behind but what was there before. */
  /** After the cycles: nothing left behind but what was there before. */
  async function expectNothingLeft(before: Snapshot, refs: Tracker, label: string, maxSurvivors = 2): Promise<void> {
    await sleep(50); // late timers and promise callbacks run
    const after = probe.snapshot();
    const { survivors, rounds, ms: gcMs } = await reachableAfterGc(refs, maxSurvivors);
    console.log(
      `[lifecycle] ${label}: ${refs.registered} cycles; listeners ${JSON.stringify(before.listeners)} → ${JSON.stringify(after.listeners)}; ` +
        `observed targets ${JSON.stringify(before.observers)} → ${JSON.stringify(after.observers)}; WebGL contexts ${before.webglContexts} → ${after.webglContexts} ` +
        `(max ${probe.maxLiveContexts}, forced losses ${probe.forcedLosses}); Chart.instances ${Object.keys(Chart.instances).length}; ` +
        `maps created ${probe.mapContexts}, removed ${removedMaps}; ` +
        `elements still reachable after GC ${survivors}/${refs.registered} (${rounds} forced collections, ${Math.round(gcMs)} ms)`,
    );
    expect(after.details, `${label}: listeners on window / document / media queries`).to.deep.equal(before.details);
    expect(after.listeners).to.deep.equal(before.listeners);
    expect(after.observers, `${label}: observed targets`).to.deep.equal(before.observers);
    expect(after.webglContexts, `${label}: live WebGL contexts`).to.equal(before.webglContexts);
    expect(probe.forcedLosses, `${label}: contexts Chromium had to take away (too many active)`).to.equal(0);
    expect(Object.keys(Chart.instances), `${label}: Chart.js instances`).to.deep.equal([]);
    expect(removedMaps, `${label}: MapLibre maps removed / created`).to.equal(probe.mapContexts);
    expect(survivors, `${label}: removed elements still reachable after GC`).to.be.at.most(maxSurvivors);
  }

  it('200 tables: created and removed without leaving anything behind', async () => {
    const before = await warmUp(Object.assign(document.createElement('indikator-tabelle'), { src: ALQ, indicator: 'arbeitslosenquote', region: '15085' }));
    const { refs, full } = await cycles(
      200,
      (i) => Object.assign(document.createElement('indikator-tabelle'), { src: ALQ, indicator: 'arbeitslosenquote', region: ST_KREISE[i % ST_KREISE.length]! }),
      (el) => renderedOnce(el),
    );
    expect(full).to.equal(100);
    await expectNothingLeft(before, refs, 'indikator-tabelle');
  });

  it('200 charts (Chart.js): every chart destroyed, nothing left behind', async () => {
    const before = await warmUp(Object.assign(document.createElement('indikator-chart'), { src: ALQ, indicator: 'arbeitslosenquote', region: '15085', compare: 'parent' }));
    const { refs } = await cycles(
      200,
      (i) => {
        const el = document.createElement('indikator-chart');
        el.src = i % 2 ? ALQ : BEV;
        if (i % 2) el.indicator = 'arbeitslosenquote';
        el.region = ST_KREISE[i % ST_KREISE.length]!;
        el.compare = 'parent';
        if (i % 8 >= 6) el.type = 'bar';
        return el;
      },
      async (el) => {
        await renderedOnce(el);
        expect(el.shadowRoot!.querySelector('[role="alert"]'), text(el.shadowRoot!.querySelector('[role="alert"]'))).to.be.null;
        expect(Object.keys(Chart.instances)).to.have.length(1);
      },
    );
    await expectNothingLeft(before, refs, 'indikator-chart');
  });

  it('200 region pickers: nothing left behind', async () => {
    const before = await warmUp(Object.assign(document.createElement('region-auswahl'), { src: ALQ, level: 'Kreis', linked: true }), (el) => until(() => el.shadowRoot?.querySelector('input')));
    const { refs } = await cycles(
      200,
      (i) => Object.assign(document.createElement('region-auswahl'), { src: ALQ, level: 'Kreis', region: ST_KREISE[i % ST_KREISE.length]!, linked: true }),
      async (el) => {
        await until(() => el.shadowRoot?.querySelector('input'), 'picker did not render', 5000);
        // opened, so the list is rendered too
        const input = el.shadowRoot!.querySelector('input')!;
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
        await el.updateComplete;
      },
    );
    await expectNothingLeft(before, refs, 'region-auswahl');
  });

  it('200 maps (MapLibre, one WebGL context each): every map removed, its context given back; a new map still draws', async function () {
    this.timeout(120_000);
    const before = await warmUp(Object.assign(document.createElement('kreis-map'), { src: HARZ_DATA, geo: HARZ_GEO, region: '15085' }));
    const mapsBefore = probe.mapContexts;
    const maps: Array<WeakRef<MapLibreMap>> = [];
    const started = performance.now();
    const { refs } = await cycles(
      200,
      (i) => {
        const el = document.createElement('kreis-map');
        Object.assign(el, { src: HARZ_DATA, geo: HARZ_GEO, region: '15085', period: i % 2 ? '2015-12-31' : '2011-12-31' });
        el.style.setProperty('--kd-map-height', '160px');
        return el;
      },
      async (el, i) => {
        // half of them removed as soon as MapLibre has its WebGL context (still loading), half once drawn
        if (i % 4 === 2) await until(() => internals(el)['map'], 'no map was created', 10_000);
        else await renderedOnce(el);
        const map = internals(el)['map'] as MapLibreMap | undefined;
        expect(map, 'a MapLibre map').to.exist;
        maps.push(new WeakRef(map!));
      },
    );
    const seconds = (performance.now() - started) / 1000;
    expect(probe.mapContexts - mapsBefore, 'maps created').to.be.at.least(100);
    expect(probe.maxLiveContexts, 'live WebGL contexts at any time').to.be.at.most(2);
    for (const ref of maps) expect((ref.deref() as any)?._removed ?? true, 'map.remove() called').to.be.true;

    // After 200 cycles a new map still gets a context and draws all 20 Gemeinden.
    const el = document.createElement('kreis-map');
    Object.assign(el, { src: HARZ_DATA, geo: HARZ_GEO, region: '15085', period: '2015-12-31' });
    const drawn = renderedOnce(el);
    stage.append(el);
    await drawn;
    const map = internals(el)['map'] as MapLibreMap;
    expect(internals(map)['painter'].context.gl.isContextLost()).to.be.false;
    expect(new Set(map.queryRenderedFeatures({ layers: ['kd-fill'] }).map((f) => f.properties['_kdKey'])).size).to.equal(20);
    el.remove();
    console.log(`[lifecycle] 200 map cycles took ${seconds.toFixed(1)} s`);
    await expectNothingLeft(before, refs, 'kreis-map');
  });

  /** A dossier has rendered every section, and its first chart (in view) has drawn. */
  async function dossierReady(el: HTMLElement): Promise<void> {
    await until(() => el.shadowRoot?.querySelector('article[aria-busy="false"], [role="alert"]:not(.missing)'), 'dossier did not settle', 15_000);
    const chart = el.shadowRoot!.querySelector('indikator-chart')!;
    chart.scrollIntoView({ block: 'center' });
    await until(() => chart.shadowRoot?.querySelector('.plot canvas[style]'), 'the composed chart did not draw', 15_000);
    window.scrollTo(0, 0);
  }

  it('50 dossiers (each composing charts, maps, tables and a picker): nothing left behind', async function () {
    this.timeout(120_000);
    // (a map first: MapLibre's once-per-page state — a document listener — belongs to the baseline)
    await warmUp(Object.assign(document.createElement('kreis-map'), { src: HARZ_DATA, geo: HARZ_GEO, region: '15085' }));
    const before = await warmUp(Object.assign(document.createElement('themen-dossier'), { src: DOSSIER_SRC, region: '15085', within: '15085', topic: 'bevoelkerung' }), dossierReady);
    const started = performance.now();
    const { refs } = await cycles(
      50,
      (i) => Object.assign(document.createElement('themen-dossier'), { src: DOSSIER_SRC, region: i % 3 ? '15085' : '15085135', within: '15085', topic: 'bevoelkerung' }),
      dossierReady,
    );
    console.log(`[lifecycle] 50 dossier cycles took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await expectNothingLeft(before, refs, 'themen-dossier');
  });

  describe('rapid attribute changes: the last value wins', () => {
    /** Sets 100 values, with a few yields between them so updates, loads and draws interleave. */
    async function switchRapidly(apply: (i: number) => void, n = 100): Promise<void> {
      for (let i = 0; i < n; i++) {
        apply(i);
        if (i % 10 === 3) await sleep(0);
        else if (i % 10 === 7) await frame();
        else if (i % 25 === 11) await sleep(30);
      }
    }

    it('a chart: region 100× in a row', async () => {
      const el = document.createElement('indikator-chart');
      Object.assign(el, { src: ALQ, indicator: 'arbeitslosenquote' });
      el.region = '15085';
      const first = renderedOnce(el);
      stage.append(el);
      await first;
      const names = new Map(ST_KREISE.map((k) => [k, '']));
      await switchRapidly((i) => (el.region = ST_KREISE[i % ST_KREISE.length]!));
      const last = ST_KREISE[99 % ST_KREISE.length]!;
      const settled = () => {
        const model = internals(el)['model'];
        const chart = internals(el)['chart'];
        return model?.series[0]?.region?.key === last && chart && internals(el)['drawnModel'] === model && chart.canvas === el.shadowRoot!.querySelector('canvas');
      };
      await until(settled, 'the chart did not settle on the last region', 5000);
      await sleep(300);
      expect(settled(), 'still the last region after everything arrived').to.be.ok;
      const name = internals(el)['model'].series[0].label as string;
      names.set(last, name);
      expect(name).to.match(/Harz|Mansfeld|Saale|Salz|Stendal|Witten|Altmark|Anhalt|Börde|Burgen|Jerichow|Dessau|Halle|Magdeburg/);
      expect(Object.keys(Chart.instances), 'one Chart.js chart for one element').to.have.length(1);
      // what a reader sees: the summary and the table name the last region
      expect(text(el.shadowRoot!.querySelector('.summary'))).to.contain(name.split(',')[0]!);
      expect(text(el.shadowRoot!.querySelector('.table-view table'))).to.contain(name.split(',')[0]!);
      el.remove();
      expect(Object.keys(Chart.instances)).to.have.length(0);
    });

    it('a map: highlight 100× (and the indicator every third time) in a row', async () => {
      const el = document.createElement('kreis-map');
      Object.assign(el, { src: ALQ, geo: ST_GEO, indicator: 'arbeitslosenquote', region: '15' });
      el.style.setProperty('--kd-map-height', '240px');
      const first = renderedOnce(el);
      stage.append(el);
      await first;
      let indicator = 'arbeitslosenquote';
      await switchRapidly((i) => {
        el.highlight = ST_KREISE[(i * 5) % ST_KREISE.length]!;
        if (i % 3 === 0) el.indicator = indicator = indicator === 'arbeitslose' ? 'arbeitslosenquote' : 'arbeitslose';
      });
      const last = ST_KREISE[(99 * 5) % ST_KREISE.length]!;
      const map = () => internals(el)['map'] as MapLibreMap;
      const settled = () => {
        const model = internals(el)['model'];
        return model?.highlight === last && model.indicator.id === indicator && internals(el)['mapModel'] === model && map()?.loaded();
      };
      await until(settled, 'the map did not settle on the last highlight and indicator', 10_000);
      await sleep(300);
      expect(settled()).to.be.ok;
      expect(map().getFilter('kd-highlight')).to.deep.equal(['==', ['get', '_kdKey'], last]);
      const highlighted = map().queryRenderedFeatures({ layers: ['kd-highlight'] }).map((f) => f.properties['_kdKey']);
      expect([...new Set(highlighted)]).to.deep.equal([last]);
      // the drawn classes are those of the last indicator (the source data was replaced, not left behind)
      const model = internals(el)['model'];
      const drawn = new Map(map().queryRenderedFeatures({ layers: ['kd-fill'] }).map((f) => [f.properties['_kdKey'], f.properties['_kdClass']]));
      for (const r of model.regions) expect(drawn.get(r.key), r.key).to.equal(r.classIndex);
      expect(text(el.shadowRoot!.querySelector('.legend-title'))).to.equal(indicator === 'arbeitslose' ? 'Klassen (Anzahl)' : 'Klassen (%)');
      el.remove();
    });

    it('a table: region 100× in a row', async () => {
      const el = document.createElement('indikator-tabelle');
      Object.assign(el, { src: ALQ, indicator: 'arbeitslosenquote', period: '2015' });
      const first = renderedOnce(el);
      stage.append(el);
      await first;
      const regions = (await (await fetch(ALQ)).json()).regions as Array<{ key: string; name: string }>;
      await switchRapidly((i) => (el.region = `${ST_KREISE[i % ST_KREISE.length]} 15`));
      const last = ST_KREISE[99 % ST_KREISE.length]!;
      const name = regions.find((r) => r.key === last)!.name;
      await el.updateComplete;
      await sleep(100);
      const rows = [...el.shadowRoot!.querySelectorAll('tbody th, thead th')].map(text);
      expect(rows).to.include(name);
      expect(rows).to.include('Sachsen-Anhalt');
      expect(rows.filter((r) => ST_KREISE.some((k) => regions.find((x) => x.key === k)!.name === r))).to.deep.equal([name]);
    });

    it('a dossier: region 100× in a row', async function () {
      this.timeout(60_000);
      const el = document.createElement('themen-dossier') as ThemenDossier;
      Object.assign(el, { src: DOSSIER_SRC, region: '15085', within: '15085', topic: 'bevoelkerung' });
      const changes: string[] = [];
      el.addEventListener('kd-dossier-change', (e) => changes.push((e as CustomEvent).detail.region));
      stage.append(el);
      await until(() => el.shadowRoot?.querySelector('article[aria-busy="false"]'), 'dossier did not render', 15_000);
      const doc = await (await fetch(HARZ_DATA)).json();
      const gemeinden = (doc.regions as Array<{ key: string; name: string; level: string }>).filter((r) => r.level === 'Gemeinde' && ['15085135', '15085370', '15085235', '15085055', '15085040'].includes(r.key));
      const keys = ['15085', ...gemeinden.map((g) => g.key)];
      await switchRapidly((i) => (el.region = keys[i % keys.length]!));
      const last = keys[99 % keys.length]!;
      const name = last === '15085' ? 'Harz' : gemeinden.find((g) => g.key === last)!.name.split(',')[0]!;
      await until(() => el.shadowRoot?.querySelector('article[aria-busy="false"]') && text(el.shadowRoot.querySelector('#dossier-title')).includes(name), 'the dossier did not settle on the last region', 15_000);
      await sleep(300);
      expect(text(el.shadowRoot!.querySelector('#dossier-title'))).to.contain(name);
      expect(el.shadowRoot!.querySelector('region-auswahl')!.getAttribute('region')).to.equal(last);
      expect(changes.at(-1)).to.equal(last);
      // the composed elements show the last region too
      const chart = el.shadowRoot!.querySelector<IndikatorChart>('indikator-chart')!;
      expect(chart.getAttribute('region')).to.equal(last);
      el.remove();
    });

    it('src switching between files with different latency: the last file is shown, whatever arrives later', async function () {
      this.timeout(30_000);
      const FAST = '/examples/arbeitslosenquote-sachsen-anhalt.json'; // Arbeitslosenquote, at once
      const slow = (ms: number, tag: string) => `/__test__/slow/${ms}?${tag}`; // Einwohnerinnen und Einwohner, after ms
      const table = document.createElement('indikator-tabelle') as IndikatorTabelle;
      const chart = document.createElement('indikator-chart') as IndikatorChart;
      table.region = chart.region = '15085';
      stage.append(table, chart);
      const caption = () => text(table.shadowRoot!.querySelector('caption'));
      const chartTitle = () => text(chart.shadowRoot!.querySelector('.title'));

      // 1. slow files first, the fast one last: slow answers arriving afterwards must not replace it
      for (let i = 0; i < 10; i++) {
        table.src = chart.src = i % 2 ? FAST : slow(150 + 40 * i, `a${i}`);
        await sleep(i % 3 === 0 ? 0 : 5);
      }
      table.src = chart.src = FAST;
      await until(() => caption().startsWith('Arbeitslosenquote') && chartTitle() === 'Arbeitslosenquote', 'the fast file was not shown', 5000);
      await sleep(900); // every slow answer has arrived
      expect(caption()).to.match(/^Arbeitslosenquote/);
      expect(chartTitle()).to.equal('Arbeitslosenquote');

      // 2. the slow file last: it is shown once it arrives, and stays
      for (let i = 0; i < 10; i++) {
        table.src = chart.src = i % 2 ? slow(100 + 30 * i, `b${i}`) : FAST;
        await sleep(i % 3 === 0 ? 0 : 5);
      }
      table.src = chart.src = slow(400, 'b-last');
      await until(() => caption().startsWith('Einwohnerinnen und Einwohner') && chartTitle() === 'Einwohnerinnen und Einwohner', 'the slow file was not shown', 5000);
      await sleep(500);
      expect(caption()).to.match(/^Einwohnerinnen und Einwohner/);
      expect(internals(chart)['drawnModel']).to.equal(internals(chart)['model']);
      expect(Object.keys(Chart.instances)).to.have.length(1);
      table.remove();
      chart.remove();
      expect(page.warnings()).to.deep.equal([]);
    });
  });

  it('a picker removed while its list is open, and a map removed while MapLibre is still loading, leave no error', async () => {
    // (covered by the cycles; here the exact moments that tend to throw)
    const picker = Object.assign(document.createElement('region-auswahl'), { src: ALQ, level: 'Kreis' }) as RegionAuswahl;
    stage.append(picker);
    await until(() => picker.shadowRoot?.querySelector('input'));
    picker.shadowRoot!.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    picker.remove();
    const map = Object.assign(document.createElement('kreis-map'), { src: ALQ, geo: ST_GEO, indicator: 'arbeitslosenquote', region: '15' }) as KreisMap;
    stage.append(map);
    await until(() => internals(map)['map'], 'no map', 10_000);
    map.remove();
    stage.append(map); // moved back in: a new map, the old one was removed
    await renderedOnce(map);
    expect(internals(map)['map']._removed).to.not.be.true;
    map.remove();
    await sleep(50);
  });
});
