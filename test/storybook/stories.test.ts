// Issue 8: the static Storybook keeps its promises. Reads storybook-static/index.json (built by
// `npm run build-storybook`, which `npm test` runs right before the browser tests) and checks that every element
// has a docs page and stories in German, English, dark and an error state; then opens every story the way
// Storybook's own iframe does and requires that it rendered (data drawn, or for "Fehler: …" stories the
// element's role="alert" message), that nothing threw, and that the a11y addon's axe run found no violations;
// and that every attribute in the manifest is a control that really changes the element, and that each docs
// page lists what the manifest documents.
//
// axe: not run a second time here. Storybook's a11y addon runs it after every story (after .storybook/settle.ts
// waited for the elements to finish) with the configuration the a11y panel uses, and reports the result in the
// story's STORY_FINISHED event, which this page receives (see the message listener below).
//
// URLs: wtr serves the repository root, so the build is at /storybook-static/. The stories name their data
// relative to iframe.html (./examples/…, ./demo/data/…) and preview.ts resolves MapLibre against the page, so
// the build works under this sub-path exactly as at Storybook's root — no server mapping needed.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { luminance } from '../fixtures/colour.js';
import { TAG } from '../fixtures/demo-files.js';

const BASE = '/storybook-static/';
const ELEMENTS = Object.values(TAG);
/** Each story must be done in this time (the slowest, nationwide Gemeinde boundaries, takes a few seconds). */
const STORY_TIMEOUT_MS = 30_000;

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  importPath: string;
  exportName?: string;
  tags?: string[];
}

interface ChannelEvent {
  type: string;
  args: unknown[];
}

interface Report {
  type: string;
  status: 'passed' | 'failed' | 'warning';
  result?: {
    elements?: { tag: string; outcome: string }[];
    violations?: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[];
    error?: unknown;
  };
}

interface StoryFinished {
  storyId: string;
  status: 'success' | 'error';
  reporters: Report[];
}

interface ArgType {
  name: string;
  control?: false | { type?: string; disable?: boolean };
  options?: unknown[];
  table?: { category?: string; type?: { summary?: string } };
}

type PreviewWindow = Window & {
  __STORYBOOK_PREVIEW__: { storyStoreValue: { loadStory(o: { storyId: string }): Promise<{ argTypes: Record<string, ArgType>; initialArgs: Record<string, unknown> }> } };
  __STORYBOOK_ADDONS_CHANNEL__: { emit(type: string, ...args: unknown[]): void };
};

/** The story's element: the title is "Elemente/<tag>". */
const tagOf = (entry: IndexEntry) => entry.title.split('/').pop()!.trim();
const isErrorStory = (entry: IndexEntry) => entry.name.startsWith('Fehler:');

const indexResponse = await fetch(`${BASE}index.json`, { cache: 'no-store' });
const index = indexResponse.ok ? ((await indexResponse.json()) as { entries: Record<string, IndexEntry> }) : { entries: {} };
const entries = Object.values(index.entries);
const stories = entries.filter((e) => e.type === 'story' && ELEMENTS.includes(tagOf(e)));

/** The names a story file exports, read from the module as the wtr server serves it (compiled by esbuild). */
async function exportedStories(importPath: string): Promise<string[]> {
  const response = await fetch(importPath.replace(/^\./, ''), { cache: 'no-store' });
  if (!response.ok) throw new Error(`${importPath}: HTTP ${response.status}`);
  return [...(await response.text()).matchAll(/^export const (\w+)\b/gm)].map((m) => m[1]!).sort();
}

// --- one iframe, one story at a time -------------------------------------------------------------------

const frame = document.createElement('iframe');
frame.title = 'Storybook story';
frame.style.cssText = 'width: 1280px; height: 1000px; border: 0; display: block;';
document.body.append(frame);

let channelEvents: ChannelEvent[] = [];
let pageErrors: string[] = [];

// Storybook's preview talks to its parent window (normally the manager UI) through postMessage: here the parent
// is this test page, so every channel event of the story — from the very first — arrives here.
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || typeof event.data !== 'string') return;
  try {
    const message = JSON.parse(event.data) as { key?: string; event?: ChannelEvent };
    if (message.key === 'storybook-channel' && message.event) channelEvents.push(message.event);
  } catch {
    // not a Storybook message
  }
});

// By document: contentWindow is a WindowProxy, the same object for every page the frame shows.
const instrumented = new WeakSet<Document>();
/** Uncaught errors, unhandled rejections and console.error in the story's window. */
function instrument(): void {
  const win = frame.contentWindow as (Window & typeof globalThis) | null;
  const doc = frame.contentDocument;
  if (!win || !doc || instrumented.has(doc) || !doc.URL.includes('iframe.html')) return;
  instrumented.add(doc);
  win.addEventListener('error', (e) => pageErrors.push(`uncaught: ${e.message}`));
  win.addEventListener('unhandledrejection', (e) => pageErrors.push(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`));
  const consoleError = win.console.error.bind(win.console);
  win.console.error = (...args: unknown[]) => {
    pageErrors.push(`console.error: ${args.map(String).join(' ')}`);
    consoleError(...args);
  };
}
frame.addEventListener('load', instrument);

/** Resolves with the first channel event the predicate accepts (checking those already received, too). */
async function channelEvent(accept: (e: ChannelEvent) => boolean, what: string, timeoutMs = STORY_TIMEOUT_MS): Promise<ChannelEvent> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    instrument();
    const found = channelEvents.find(accept);
    if (found) return found;
    const failure = channelEvents.find((e) => ['storyErrored', 'storyThrewException', 'storyMissing', 'playFunctionThrewException'].includes(e.type));
    if (failure) throw new Error(`${failure.type}: ${JSON.stringify(failure.args).slice(0, 500)}`);
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${channelEvents.map((e) => e.type).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens iframe.html for one story or docs page and waits until Storybook says it is done. */
async function open(id: string, viewMode: 'story' | 'docs'): Promise<ChannelEvent> {
  channelEvents = [];
  pageErrors = [];
  frame.src = `${BASE}iframe.html?id=${encodeURIComponent(id)}&viewMode=${viewMode}`;
  return viewMode === 'story'
    ? channelEvent((e) => e.type === 'storyFinished' && (e.args[0] as StoryFinished).storyId === id, `storyFinished of ${id}`)
    : channelEvent((e) => e.type === 'docsRendered' && e.args[0] === id, `docsRendered of ${id}`);
}

/** role="alert" in the element's shadow root and in those of the elements it composes (a dossier's charts). */
function alerts(element: Element): Element[] {
  const root = element.shadowRoot;
  if (!root) return [];
  const nested = [...root.querySelectorAll(ELEMENTS.join(','))].flatMap(alerts);
  return [...root.querySelectorAll('[role="alert"]'), ...nested];
}

function describeViolations(report: Report | undefined): string {
  return (report?.result?.violations ?? [])
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)
    .join('\n');
}

describe('Storybook (storybook-static)', function () {
  this.timeout(STORY_TIMEOUT_MS + 10_000);

  before(async () => {
    // Tall enough that a linked map and the chart below it both come near the viewport (they draw lazily).
    await setViewport({ width: 1300, height: 1050 });
  });

  it('is built from the current story files', async () => {
    expect(indexResponse.ok, 'storybook-static/index.json missing: run npm run build-storybook').to.be.true;
    // `npm test` builds Storybook right before the browser tests, so there it is always fresh. Run on their own,
    // the browser tests could meet a build left over from earlier: then at least a story added, removed or
    // renamed since is caught here (the build's index against the story modules as they are now).
    for (const tag of ELEMENTS) {
      const importPath = `./src/${tag}/${tag}.stories.ts`;
      const built = entries.filter((e) => e.type === 'story' && e.importPath === importPath).map((e) => e.exportName!).sort();
      expect(built, `stories of ${importPath} in storybook-static (else run npm run build-storybook)`).to.deep.equal(await exportedStories(importPath));
    }
  });

  it('has a docs page and German, English, dark and error stories for every element', () => {
    for (const tag of ELEMENTS) {
      const docs = entries.find((e) => e.type === 'docs' && e.id === `elemente-${tag}--docs`);
      expect(docs, `docs page of <${tag}>`).to.exist;
      expect(docs!.tags, `docs page of <${tag}> is generated (autodocs)`).to.include('autodocs');
      const names = stories.filter((e) => tagOf(e) === tag).map((e) => e.name);
      expect(names, `stories of <${tag}>`).to.include.members(['Deutsch', 'English', 'Dunkel / Dark']);
      expect(names.some((n) => n.startsWith('Fehler:')), `an error story of <${tag}>`).to.be.true;
    }
    expect(entries.some((e) => e.type === 'docs' && e.importPath.endsWith('getting-started.mdx')), 'the getting-started page').to.be.true;
  });

  for (const story of stories) {
    const tag = tagOf(story);
    it(`${tag} › ${story.name}`, async () => {
      const finished = (await open(story.id, 'story')).args[0] as StoryFinished;
      const doc = frame.contentDocument!;
      const element = doc.querySelector(`#storybook-root ${tag}`);
      expect(element, `<${tag}> in the story`).to.exist;

      const settled = finished.reporters.find((r) => r.type === 'kreisdossier');
      expect(settled, 'the settle report of .storybook/settle.ts').to.exist;
      const outcomes = settled!.result!.elements!;
      const shown = alerts(element!);
      if (isErrorStory(story)) {
        expect(outcomes[0]!.outcome, `<${tag}> reported kd-error`).to.equal('error');
        expect(element!.shadowRoot!.querySelector('[role="alert"]'), 'the role="alert" message').to.exist;
      } else {
        expect(outcomes.filter((o) => o.outcome !== 'render' && o.outcome !== 'offscreen'), 'elements that did not render').to.deep.equal([]);
        expect(outcomes[0]!.outcome, `<${tag}> dispatched kd-render`).to.equal('render');
        expect(shown.map((a) => a.textContent!.trim()), 'role="alert" messages').to.deep.equal([]);
      }

      if (story.name === 'English') expect((element as Element & { locale: string }).locale).to.equal('en');
      if (story.name === 'Deutsch') expect((element as Element & { locale: string }).locale).to.equal('de');
      if (story.name === 'Dunkel / Dark') {
        expect(element!.getAttribute('theme')).to.equal('dark');
        expect(luminance(getComputedStyle(element!).color), 'light text on the dark theme').to.be.above(0.5);
      }

      const a11y = finished.reporters.find((r) => r.type === 'a11y');
      expect(a11y, 'the a11y addon ran axe').to.exist;
      expect(a11y!.result?.error, 'axe error').to.equal(undefined);
      expect(describeViolations(a11y), 'axe violations').to.equal('');
      expect(pageErrors, 'errors in the story').to.deep.equal([]);
      expect(finished.status, 'Storybook test status').to.equal('success');
    });
  }

  // The theming page's stories: several elements each, all drawn, accessible with the theme applied.
  const themingStories = entries.filter((e) => e.type === 'story' && e.title.startsWith('Gestaltung'));
  it('has the theming stories', () => {
    expect(themingStories.map((e) => e.name)).to.include.members(['KERN-UX (Voreinstellung)', 'Seite mit KERN-UX (themes/kern.css)', 'Dunkel / Dark']);
  });
  for (const story of themingStories) {
    it(`Theming › ${story.name}`, async () => {
      const finished = (await open(story.id, 'story')).args[0] as StoryFinished;
      const doc = frame.contentDocument!;
      const elements = [...doc.querySelectorAll(`#storybook-root :is(${ELEMENTS.join(',')})`)];
      expect(elements.length, 'elements in the story').to.be.at.least(3);
      const outcomes = finished.reporters.find((r) => r.type === 'kreisdossier')!.result!.elements!;
      expect(outcomes.filter((o) => o.outcome !== 'render' && o.outcome !== 'offscreen'), 'elements that did not render').to.deep.equal([]);
      expect(elements.flatMap(alerts).map((a) => a.textContent!.trim()), 'role="alert" messages').to.deep.equal([]);
      if (story.id.endsWith('--kern-seite')) {
        // themes/kern.css hands the page's KERN tokens through, here the page's own brand colour
        const link = frame.contentWindow!.getComputedStyle(elements[0]!).getPropertyValue('--_kd-link').trim();
        expect(link.toLowerCase(), 'the brand colour from --kern-color-action-default').to.equal('#00594f');
      }
      const a11y = finished.reporters.find((r) => r.type === 'a11y');
      expect(describeViolations(a11y), 'axe violations').to.equal('');
      expect(pageErrors, 'errors in the story').to.deep.equal([]);
      expect(finished.status, 'Storybook test status').to.equal('success');
    });
  }

  // Without a build only the first test runs (and says what to do), instead of timing out page by page.
  for (const tag of indexResponse.ok ? ELEMENTS : []) {
    it(`${tag}: every attribute is a control that changes the element`, async () => {
      // Controls are the same for every story of an element; an error story is the quickest to open.
      const id = `elemente-${tag}--fehler-unbekannte-region`;
      await open(id, 'story');
      const win = frame.contentWindow as PreviewWindow;
      const story = await win.__STORYBOOK_PREVIEW__.storyStoreValue.loadStory({ storyId: id });
      const attributes = Object.entries(story.argTypes).filter(([, t]) => t.table?.category === 'attributes');
      expect(attributes.length, 'attributes from the manifest').to.be.above(5);

      const updated: Record<string, unknown> = {};
      for (const [name, argType] of attributes) {
        const control = argType.control;
        expect(control && !control.disable, `control for ${name}`).to.be.ok;
        const type = (control as { type: string }).type;
        const summary = argType.table?.type?.summary ?? '';
        if (/^'[^']*'( \| '[^']*')+/.test(summary)) expect(type, `${name} (${summary}) is a select`).to.equal('select');
        const current = story.initialArgs[name];
        if (type === 'select' || type === 'radio' || type === 'inline-radio') {
          updated[name] = argType.options!.find((o) => o !== '' && o !== undefined && o !== current);
        } else if (type === 'boolean') updated[name] = !current;
        else if (type === 'number' || type === 'range') updated[name] = 3;
        else updated[name] = `kd-test-${name}`;
      }

      channelEvents = [];
      win.__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', { storyId: id, updatedArgs: updated });
      await channelEvent((e) => e.type === 'storyRendered' && e.args[0] === id, `re-render of ${id}`);
      const element = frame.contentDocument!.querySelector(`#storybook-root ${tag}`)!;
      for (const [name, value] of Object.entries(updated)) {
        if (typeof value === 'boolean') expect(element.hasAttribute(name), `attribute ${name}`).to.equal(value);
        else expect(element.getAttribute(name), `attribute ${name}`).to.equal(String(value));
      }
    });
  }

  (indexResponse.ok ? it : it.skip)('the docs page of every element lists attributes, properties, events, slots, CSS parts and custom properties', async function () {
    this.timeout(ELEMENTS.length * STORY_TIMEOUT_MS);
    for (const tag of ELEMENTS) {
      await open(`elemente-${tag}--docs`, 'docs');
      const win = frame.contentWindow as PreviewWindow;
      // What the manifest says (as the build read it: the argTypes Storybook extracted from it) …
      const { argTypes } = await win.__STORYBOOK_PREVIEW__.storyStoreValue.loadStory({ storyId: `elemente-${tag}--deutsch` });
      const byCategory = new Map<string, string[]>();
      for (const [name, t] of Object.entries(argTypes)) {
        const category = t.table?.category;
        if (category) byCategory.set(category, [...(byCategory.get(category) ?? []), name]);
      }
      const expected = ['attributes', 'properties', 'events', 'css custom properties', 'css shadow parts', ...(tag === 'themen-dossier' ? ['slots'] : [])];
      expect([...byCategory.keys()], `<${tag}>: sections of the manifest`).to.include.members(expected);
      // … is on the docs page: one table row per attribute, property, event, slot, part and custom property.
      const rows = [...frame.contentDocument!.querySelectorAll('#storybook-docs table tbody tr > td:first-child')].map((td) => td.textContent!.trim());
      for (const [category, names] of byCategory) {
        for (const name of names) expect(rows.some((r) => r.startsWith(name)), `<${tag}> docs: ${category} › ${name}`).to.be.true;
      }
      expect(pageErrors, `errors on the docs page of <${tag}>`).to.deep.equal([]);
    }
  });
});
