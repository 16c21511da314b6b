/**
 * What every element's stories share: controls and a render function generated from the Custom Elements
 * Manifest (dist/custom-elements.json, written by `npm run analyze` from the JSDoc of the element classes),
 * the data files the stories use, and the dark-page decorator.
 *
 * Args are keyed by attribute name (`geo-attribution`, not `geoAttribution`): every attribute in the manifest
 * gets a control, and the render function sets exactly the attributes the args name, so a control always
 * changes the element and an attribute added to an element shows up here without touching the stories.
 */
import type { ArgTypes, Args, Decorator } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import rawManifest from '../dist/custom-elements.json';

// Data files, relative to iframe.html: Storybook serves examples/ and demo/data/ beside it (staticDirs in
// .storybook/main.ts). Relative, not root-absolute, so a Storybook published under a sub-path (or served
// from /storybook-static/ by the browser tests) finds them too.
export const EXAMPLES = './examples/';
export const DEMO_DATA = './demo/data/';
export const GEO = `${DEMO_DATA}geo/`;
/** A file that does not exist: the server answers 404. */
export const MISSING_FILE = `${EXAMPLES}gibt-es-nicht.json`;
/**
 * Broken JSON (a trailing comma, then the file ends) as a `data:` URL: fetched like any file, then fails to
 * parse. Without spaces: `src` takes several URLs separated by spaces.
 */
export const BROKEN_JSON = 'data:application/json,{"kreisdossier":"1.0","regions":[{"key":"15085",}';
/** A region key that no data file contains. */
export const UNKNOWN_REGION = '15099';
/** Attribution of the BKG boundary files in demo/data/geo/ (VG5000, 01.01.2021). */
export const GEO_ATTRIBUTION = '© GeoBasis-DE / BKG (2021), Daten verändert (dl-de/by-2-0)';

/** The parts of a Custom Elements Manifest the stories read. */
interface ManifestItem {
  name: string;
  attribute?: string;
  type?: { text?: string };
  description?: string;
  privacy?: string;
  kind?: string;
  static?: boolean;
}
interface ElementDeclaration {
  tagName?: string;
  attributes?: ManifestItem[];
  members?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}
export interface Manifest {
  modules: { declarations?: ElementDeclaration[] }[];
}

/** The manifest `npm run analyze` wrote, as it was when Storybook was built or started. */
export const manifest = rawManifest as unknown as Manifest;

/** The name under which Storybook lists the default slot (it drops slots without a name). */
export const DEFAULT_SLOT = '(default)';

/**
 * The manifest as the docs pages show it: without private and protected members (Lit's internal state is no
 * API), properties that are attributes first (Storybook lists the table's sections in the order their first
 * entry comes, so "attributes" comes first), and the default slot named so that it is listed.
 */
export function publicManifest(source: Manifest): Manifest {
  return {
    ...source,
    modules: source.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members
          ?.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected')
          .sort((a, b) => Number(!a.attribute) - Number(!b.attribute)),
        slots: declaration.slots?.map((s) => (s.name ? s : { ...s, name: DEFAULT_SLOT })),
      })),
    })),
  };
}

const documented = publicManifest(manifest);

/** The manifest entry of one element, as documented (public members only). */
export function declarationOf(tag: string): ElementDeclaration {
  for (const module of documented.modules) {
    const found = module.declarations?.find((d) => d.tagName === tag);
    if (found) return found;
  }
  throw new Error(`<${tag}> is not in dist/custom-elements.json (run npm run analyze)`);
}

/** Label of the empty option of a select: the attribute is left out, the element's default applies. */
const UNSET_LABEL = '(Standard)';

/** A control for an attribute, from its type in the manifest. */
function controlFor(attribute: ManifestItem): ArgTypes[string] {
  const text = attribute.type?.text ?? '';
  const parts = text.split('|').map((p) => p.trim()).filter((p) => p && p !== 'undefined');
  const optional = text.includes('undefined');
  if (parts.length && parts.every((p) => /^'[^']*'$/.test(p))) {
    // An enumeration ('line' | 'bar' | …): a select. '' stands for "not set" (undefined does not survive the URL).
    const options = [...(optional ? [''] : []), ...parts.map((p) => p.slice(1, -1))];
    return { control: 'select', options, labels: { '': UNSET_LABEL } };
  }
  if (parts.length === 1 && parts[0] === 'boolean') return { control: 'boolean' };
  if (parts.length === 1 && parts[0] === 'number') return { control: 'number' };
  return { control: 'text' };
}

/**
 * argTypes for an element: a control for every attribute in the manifest (select for enumerations, boolean,
 * number, text otherwise), no controls for what is only documentation (properties, events, slots, CSS parts
 * and custom properties; their tables come from the manifest). `overrides` refine single controls.
 */
export function elementArgTypes(tag: string, overrides: ArgTypes = {}): ArgTypes {
  const declaration = declarationOf(tag);
  const argTypes: ArgTypes = {};
  const attributes = new Set<string>();
  for (const attribute of declaration.attributes ?? []) {
    attributes.add(attribute.name);
    argTypes[attribute.name] = controlFor(attribute);
  }
  // The language: from the page, German or English.
  if (attributes.has('lang')) argTypes.lang = { control: 'select', options: ['', 'de', 'en'], labels: { '': '(von der Seite)' } };
  for (const member of declaration.members ?? []) {
    if (member.kind === 'method' || attributes.has(member.name)) continue;
    argTypes[member.name] = { control: false };
  }
  for (const item of [...(declaration.events ?? []), ...(declaration.cssParts ?? []), ...(declaration.cssProperties ?? [])]) {
    argTypes[item.name] ??= { control: false };
  }
  for (const slot of declaration.slots ?? []) argTypes[slot.name || DEFAULT_SLOT] = { control: false };
  for (const [name, override] of Object.entries(overrides)) argTypes[name] = { ...argTypes[name], ...override };
  return argTypes;
}

type AttributeValue = string | number | boolean | null | undefined;

/** Sets the attributes it is given (false, null, undefined and '' leave one out) and adds event listeners. */
class ElementArgsDirective extends Directive {
  private attributes = new Set<string>();
  private listeners = new Map<string, { handler: unknown; listener: EventListener }>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('elementArgs() belongs on an element');
  }

  render(_attributes: Record<string, AttributeValue>, _listeners: Record<string, unknown>): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [attributes, listeners]: [Record<string, AttributeValue>, Record<string, unknown>]): typeof nothing {
    const element = part.element;
    const set = new Set<string>();
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false || value === '') continue;
      const text = value === true ? '' : String(value);
      set.add(name);
      if (element.getAttribute(name) !== text) element.setAttribute(name, text);
    }
    for (const name of this.attributes) if (!set.has(name)) element.removeAttribute(name);
    this.attributes = set;

    for (const [type, handler] of Object.entries(listeners)) {
      const current = this.listeners.get(type);
      if (current?.handler === handler) continue;
      if (current) element.removeEventListener(type, current.listener);
      if (typeof handler !== 'function') {
        this.listeners.delete(type);
        continue;
      }
      const listener = (event: Event) => handler(describeEvent(event));
      element.addEventListener(type, listener);
      this.listeners.set(type, { handler, listener });
    }
    return nothing;
  }
}

const elementArgs = directive(ElementArgsDirective);

/** What the Actions panel shows of an event: its target and detail (elements by tag name, not as DOM trees). */
function describeEvent(event: Event): unknown {
  const target = event.composedPath()[0];
  const detail = (event as CustomEvent).detail as Record<string, unknown> | null;
  const plain = detail && typeof detail === 'object'
    ? Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, v instanceof Element ? `<${v.localName}>` : v]))
    : detail;
  return { type: event.type, target: target instanceof Element ? `<${target.localName}>` : String(target), detail: plain };
}

/** Storybook's name for the action arg of an event: kd-region-select → onKdRegionSelect. */
export function actionArgName(event: string): string {
  return `on${event.replace(/(?:^|[-_:.\s]+)(.)/g, (_m, c: string) => c.toUpperCase())}`;
}

/**
 * The render function of an element's stories: `<tag>` with one attribute per arg named like an attribute,
 * the `data` property from the `data` arg, the Actions panel listening to the element's events, and
 * `args.content` (a template or node) as its light-DOM content.
 */
export function renderElement(tag: string) {
  const declaration = declarationOf(tag);
  const attributeNames = (declaration.attributes ?? []).map((a) => a.name);
  const events = (declaration.events ?? []).map((e) => e.name);
  const name = unsafeStatic(tag);
  return (args: Args) => {
    const attributes = Object.fromEntries(attributeNames.map((n) => [n, args[n] as AttributeValue]));
    const listeners = Object.fromEntries(events.map((e) => [e, args[actionArgName(e)]]));
    return staticHtml`<${name} ${elementArgs(attributes, listeners)} .data=${args.data}>${args.content ?? nothing}</${name}>`;
  };
}

/** A dark page around the element, so `theme="dark"` is seen as on a dark site. */
export const darkPage: Decorator = (story) => html`<div class="kd-story-dark">
  <style>
    .kd-story-dark {
      background: #121417;
      color: #e8eaed;
      padding: 1.5rem;
    }
  </style>
  ${story()}
</div>`;

/** Parameters of every dark story: the page is dark already, Storybook's background switcher stays out. */
export const darkStory: { decorators: Decorator[]; parameters: { backgrounds: { disable: boolean } } } = {
  decorators: [darkPage],
  parameters: { backgrounds: { disable: true } },
};
