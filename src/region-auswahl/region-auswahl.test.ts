import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { guardPage } from '../../test/fixtures/page-guard.js';
import { q, qa, settled as settledOn, text } from '../../test/fixtures/shadow.js';
import './define.js';
import type { RegionAuswahl } from './region-auswahl.js';

const settled = (el: RegionAuswahl) => settledOn(el, 'input');

const HARZ = '/demo/data/bevoelkerung-gemeinden-harz.json';
const KREISE = '/demo/data/bevoelkerung-kreise.json';


const input = (el: RegionAuswahl) => q(el, 'input') as HTMLInputElement;
const options = (el: RegionAuswahl) => qa(el, '[role="option"]');
const optionNames = (el: RegionAuswahl) => options(el).map((o) => text(o.querySelector('.name')));
const status = (el: RegionAuswahl) => text(q(el, '[role="status"]'));
const groups = (el: RegionAuswahl) => qa(el, '[role="listbox"] > [role="group"]');
const groupLabels = (el: RegionAuswahl) => groups(el).map((g) => text(el.shadowRoot!.getElementById(g.getAttribute('aria-labelledby')!)));

async function picker(markup: ReturnType<typeof html>): Promise<RegionAuswahl> {
  return settled(await fixture<RegionAuswahl>(markup));
}

/** Focuses the text field and types, as a reader would. */
async function type(el: RegionAuswahl, value: string): Promise<void> {
  input(el).focus();
  input(el).select(); // typing replaces the text
  await sendKeys({ type: value });
  await el.updateComplete;
}

async function press(el: RegionAuswahl, key: string): Promise<void> {
  if (key.startsWith('Alt+')) {
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: key.slice(4) });
    await sendKeys({ up: 'Alt' });
  } else await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<region-auswahl>', () => {
  const page = guardPage();

  afterEach(async () => {
    (document.activeElement as HTMLElement | null)?.blur();
  });

  it('is a collapsed ARIA 1.2 combobox with a visible label and a listbox it controls', async () => {
    const el = await picker(html`<region-auswahl src=${HARZ}></region-auswahl>`);
    const field = input(el);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-autocomplete')).to.equal('list');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
    const listbox = el.shadowRoot!.getElementById(field.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    expect(listbox.hidden).to.equal(true);
    const label = q(el, 'label') as HTMLLabelElement;
    expect(text(label)).to.equal('Region wählen');
    expect(label.htmlFor).to.equal(field.id);
    expect(label.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(text(el.shadowRoot!.getElementById(field.getAttribute('aria-describedby')!))).to.equal('Name oder Regionalschlüssel eingeben');
    expect(field.value).to.equal('');
    expect(status(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('ArrowDown opens the list grouped by level, moves the active option (wrapping), Enter chooses, focus stays in the field', async () => {
    const el = await picker(html`<region-auswahl src=${HARZ}></region-auswahl>`);
    const field = input(el);
    field.focus();
    await press(el, 'ArrowDown');
    expect(field.getAttribute('aria-expanded')).to.equal('true');
    expect((q(el, '[role="listbox"]') as HTMLElement).hidden).to.equal(false);
    expect(groupLabels(el)).to.deep.equal(['Bund', 'Land', 'Kreis', 'Gemeinde']);
    expect(groups(el).map((g) => g.querySelectorAll('[role="option"]').length)).to.deep.equal([1, 1, 1, 47]);
    expect(options(el)).to.have.length(50);
    expect(status(el)).to.equal('83 Regionen gefunden, die ersten 50 werden angezeigt');
    // the first option is active, referenced by aria-activedescendant and aria-selected
    const first = options(el)[0]!;
    expect(field.getAttribute('aria-activedescendant')).to.equal(first.id);
    expect(first.getAttribute('aria-selected')).to.equal('true');
    expect(text(first)).to.contain('Deutschland');
    expect(options(el).filter((o) => o.getAttribute('aria-selected') === 'true')).to.have.length(1);

    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect(field.getAttribute('aria-activedescendant')).to.equal('option-15085');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp'); // wraps to the last option
    const last = options(el)[49]!;
    expect(field.getAttribute('aria-activedescendant')).to.equal(last.id);
    const box = (q(el, '[role="listbox"]') as HTMLElement).getBoundingClientRect();
    const lastBox = last.getBoundingClientRect();
    expect(lastBox.bottom).to.be.at.most(box.bottom + 1); // scrolled into view
    expect(lastBox.top).to.be.at.least(box.top - 1);
    await press(el, 'ArrowDown'); // wraps to the first
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await expect(el).to.be.accessible();

    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = (await oneEvent(el, 'kd-region-select')) as CustomEvent<{ key: string; name: string }>;
    await el.updateComplete;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ key: '15085', name: 'Harz, Landkreis' });
    expect(el.region).to.equal('15085');
    expect(el.getAttribute('region')).to.equal('15085');
    expect(field.value).to.equal('Harz, Landkreis');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(field);
    expect(status(el)).to.equal('');
  });

  it('Alt+ArrowDown opens without an active option; Escape closes, a second Escape clears', async () => {
    const el = await picker(html`<region-auswahl src=${KREISE} region="15003"></region-auswahl>`);
    const field = input(el);
    expect(field.value).to.equal('Magdeburg, Kreisfreie Stadt');
    field.focus();
    await press(el, 'Alt+ArrowDown');
    expect(field.getAttribute('aria-expanded')).to.equal('true');
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(options(el).some((o) => o.getAttribute('aria-selected') === 'true')).to.equal(false);
    expect(status(el)).to.equal('43 Regionen gefunden');
    // Regierungsbezirke between Land and Kreis, as in REGION_LEVELS
    expect(groupLabels(el)).to.deep.equal(['Bund', 'Land', 'Regierungsbezirk', 'Kreis']);
    await press(el, 'Escape');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(field.value).to.equal('Magdeburg, Kreisfreie Stadt');
    await press(el, 'Escape');
    expect(field.value).to.equal('');
    expect(el.region).to.equal('15003'); // clearing the text is not a choice
    // ArrowDown on a closed list with a chosen region makes that region active
    await press(el, 'ArrowDown');
    expect(field.getAttribute('aria-activedescendant')).to.equal('option-15003');
  });

  it('typing filters by name, case- and diacritic-insensitive, prefix matches first; no option is active until the arrows are used', async () => {
    const el = await picker(html`<region-auswahl src=${HARZ}></region-auswahl>`);
    await type(el, 'wernig');
    const field = input(el);
    expect(field.getAttribute('aria-expanded')).to.equal('true');
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(optionNames(el)).to.deep.equal(['Wernigerode, Stadt']);
    expect(status(el)).to.equal('1 Region gefunden');

    field.value = '';
    await type(el, 'KONIGERODE');
    expect(optionNames(el)).to.deep.equal(['Königerode']);
    field.select();
    await type(el, 'strobeck');
    expect(optionNames(el)).to.deep.equal(['Ströbeck']);
    field.select();
    await type(el, 'Wülperode');
    expect(optionNames(el)).to.deep.equal(['Wülperode']);
    field.select();
    await type(el, 'wuelperode'); // German transliteration
    expect(optionNames(el)).to.deep.equal(['Wülperode']);

    // "harz": the Landkreis (prefix) before "Benneckenstein (Harz)" (inside the name); grouped by level
    field.select();
    await type(el, 'harz');
    expect(optionNames(el)[0]).to.equal('Harz, Landkreis');
    expect(optionNames(el)).to.include('Benneckenstein (Harz)');
    expect(groupLabels(el)).to.deep.equal(['Kreis', 'Gemeinde']);
    // within a level, names starting with the text come first
    field.select();
    await type(el, 'ger');
    const names = optionNames(el);
    expect(names[0]).to.equal('Gernrode, Harz');
    expect(names.slice(1).every((n) => !n.toLowerCase().startsWith('ger'))).to.equal(true);
    expect(names).to.include('Wernigerode, Stadt');
    await press(el, 'ArrowDown');
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
  });

  it('finds a region by key: "15085" is Landkreis Harz and its Gemeinden', async () => {
    const el = await picker(html`<region-auswahl src=${HARZ}></region-auswahl>`);
    await type(el, '15085');
    expect(groupLabels(el)).to.deep.equal(['Kreis', 'Gemeinde']);
    expect(optionNames(el)[0]).to.equal('Harz, Landkreis');
    expect(options(el)).to.have.length(50);
    expect(status(el)).to.equal('81 Regionen gefunden, die ersten 50 werden angezeigt');
    expect(text(q(el, '.message'))).to.equal('Weitere Treffer: bitte genauer suchen.');
    await sendKeys({ type: '370' });
    await el.updateComplete;
    expect(optionNames(el)).to.deep.equal(['Wernigerode, Stadt']);
    await press(el, 'ArrowDown');
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = (await oneEvent(el, 'kd-region-select')) as CustomEvent<{ key: string; name: string }>;
    expect(event.detail).to.deep.equal({ key: '15085370', name: 'Wernigerode, Stadt' });
  });

  it('says when nothing matches, with the list collapsed (accessible)', async () => {
    const el = await picker(html`<region-auswahl src=${HARZ}></region-auswahl>`);
    await type(el, 'xyz');
    const field = input(el);
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(options(el)).to.have.length(0);
    expect(status(el)).to.equal('Keine Region gefunden');
    expect(text(q(el, '.message'))).to.equal('Keine Region gefunden');
    await press(el, 'ArrowDown'); // nothing to move to
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
    await expect(el).to.be.accessible();
    await press(el, 'Escape');
    expect(q(el, '.message')).to.equal(null);
  });

  it('Home and End move the caret in the text, they do not move through the list', async () => {
    const el = await picker(html`<region-auswahl src=${HARZ}></region-auswahl>`);
    await type(el, 'stadt');
    await press(el, 'ArrowDown');
    const field = input(el);
    expect(field.hasAttribute('aria-activedescendant')).to.equal(true);
    await press(el, 'Home');
    expect(field.selectionStart).to.equal(0);
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(field.getAttribute('aria-expanded')).to.equal('true');
    await press(el, 'End');
    expect(field.selectionStart).to.equal(5);
    expect(field.value).to.equal('stadt');
  });

  it('a click on an option chooses it and keeps focus in the field', async () => {
    const el = await picker(html`<region-auswahl src=${HARZ}></region-auswahl>`);
    await type(el, 'gött'); // no Göttingen in this file
    expect(options(el)).to.have.length(0);
    input(el).select();
    await type(el, 'Blankenburg');
    const option = options(el)[0]!;
    const chosen = oneEvent(el, 'kd-region-select');
    (option as HTMLElement).click();
    const event = (await chosen) as CustomEvent<{ key: string; name: string }>;
    await el.updateComplete;
    expect(event.detail.name).to.equal('Blankenburg (Harz), Stadt');
    expect(el.region).to.equal(event.detail.key);
    expect(input(el).value).to.equal('Blankenburg (Harz), Stadt');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('matches Göttingen with and without umlaut', async () => {
    const doc = JSON.parse(await (await fetch(KREISE)).text());
    doc.regions.push({ key: '03159', name: 'Göttingen, Landkreis', level: 'Kreis', parent: 'DG' });
    const el = await fixture<RegionAuswahl>(html`<region-auswahl .data=${doc}></region-auswahl>`);
    await settled(el);
    for (const query of ['gottingen', 'Göttingen', 'GOETTINGEN', 'tting']) {
      input(el).value = '';
      await type(el, query);
      expect(optionNames(el), query).to.deep.equal(['Göttingen, Landkreis']);
    }
  });

  it('the active option is visibly marked, also in forced colours', async () => {
    const el = await picker(html`<region-auswahl src=${HARZ}></region-auswahl>`);
    await type(el, 'wernig');
    await press(el, 'ArrowDown');
    const active = options(el)[0] as HTMLElement;
    let style = getComputedStyle(active);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      style = getComputedStyle(active);
      const probe = document.createElement('div');
      probe.style.background = 'Highlight';
      document.body.append(probe);
      const highlight = getComputedStyle(probe).backgroundColor;
      probe.remove();
      expect(style.backgroundColor).to.equal(highlight);
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('offers only regions with data for `indicator`, on the `level`s', async () => {
    const el = await picker(html`<region-auswahl src=${HARZ} indicator="bevoelkerung" level="Kreis Land"></region-auswahl>`);
    input(el).focus();
    await press(el, 'Alt+ArrowDown');
    expect(groupLabels(el)).to.deep.equal(['Land', 'Kreis']);
    expect(optionNames(el)).to.deep.equal(['Sachsen-Anhalt', 'Harz, Landkreis']);
    const kreise = await picker(html`<region-auswahl src=${KREISE} level="Regierungsbezirk"></region-auswahl>`);
    input(kreise).focus();
    await press(kreise, 'ArrowDown');
    expect(optionNames(kreise)).to.deep.equal(['Dessau, Stat. Region', 'Halle, Stat. Region', 'Magdeburg, Stat. Region']);
  });

  it('linked: follows kd-region-select from other elements, ignores its own and unknown regions', async () => {
    const el = await picker(html`<region-auswahl linked src=${KREISE} region="15085"></region-auswahl>`);
    document.body.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: '15003', name: 'Magdeburg' } }));
    await el.updateComplete;
    expect(el.region).to.equal('15003');
    expect(input(el).value).to.equal('Magdeburg, Kreisfreie Stadt');
    document.body.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: '15085370', name: 'Wernigerode' } }));
    await el.updateComplete;
    expect(el.region).to.equal('15003');
    expect(q(el, '[role="alert"]')).to.equal(null);
    // its own choice is not followed twice, and arrives at other linked elements
    let heard = 0;
    const listener = () => heard++;
    document.addEventListener('kd-region-select', listener);
    await type(el, 'Stendal, Land');
    await press(el, 'ArrowDown');
    await press(el, 'Enter');
    document.removeEventListener('kd-region-select', listener);
    expect(heard).to.equal(1);
    expect(el.region).to.equal('15090');

    const unlinked = await picker(html`<region-auswahl src=${KREISE} region="15085"></region-auswahl>`);
    document.body.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: '15003' } }));
    await unlinked.updateComplete;
    expect(unlinked.region).to.equal('15085');
  });

  it('speaks English on lang="en": label, group labels and counts', async () => {
    const wrapper = await fixture(html`<div lang="en"><region-auswahl src=${KREISE}></region-auswahl></div>`);
    const el = await settled(wrapper.querySelector('region-auswahl')!);
    expect(text(q(el, 'label'))).to.equal('Choose a region');
    input(el).focus();
    await press(el, 'ArrowDown');
    expect(groupLabels(el)).to.deep.equal(['Germany', 'State', 'Government region', 'District']);
    expect(status(el)).to.equal('43 regions found');
    await sendKeys({ type: 'xyz' });
    await el.updateComplete;
    expect(status(el)).to.equal('No region found');
    input(el).select();
    await type(el, 'Stendal, Land');
    expect(status(el)).to.equal('1 region found');
    const muni = await picker(html`<region-auswahl lang="en" src=${HARZ} heading="Your municipality"></region-auswahl>`);
    expect(text(q(muni, 'label'))).to.equal('Your municipality');
    input(muni).focus();
    await press(muni, 'ArrowDown');
    expect(groupLabels(muni)).to.deep.equal(['Germany', 'State', 'District', 'Municipality']);
    expect(status(muni)).to.equal('83 regions found, showing the first 50');
    await expect(muni).to.be.accessible();
  });

  it('closes when focus leaves, and shows the chosen region again', async () => {
    const wrapper = await fixture(html`<div><region-auswahl src=${KREISE} region="15085"></region-auswahl><button>danach</button></div>`);
    const el = await settled(wrapper.querySelector('region-auswahl')!);
    await type(el, 'Stendal');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    await press(el, 'Tab');
    expect(document.activeElement).to.equal(wrapper.querySelector('button'));
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal('Harz, Landkreis');
    expect(el.region).to.equal('15085');
  });

  it('fires kd-render after rendering data', async () => {
    const el = document.createElement('region-auswahl');
    el.src = HARZ;
    const rendered = oneEvent(el, 'kd-render');
    document.body.append(el);
    const event = await rendered;
    expect(event.detail.element === el, 'detail.element is the element').to.equal(true);
    el.remove();
  });

  it('reflows at 320 px: the field and the list fit the width', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await picker(html`<region-auswahl src=${HARZ}></region-auswahl>`);
      await type(el, 'e');
      const popup = (q(el, '.popup') as HTMLElement).getBoundingClientRect();
      expect(input(el).getBoundingClientRect().right).to.be.at.most(320);
      expect(popup.right).to.be.at.most(320);
      expect(popup.top).to.be.at.least(input(el).getBoundingClientRect().bottom);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const o of options(el)) expect(o.scrollWidth).to.be.at.most(o.clientWidth + 1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  describe('failures become an alert inside the widget', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['unknown region', `<region-auswahl src="${HARZ}" region="15086"></region-auswahl>`, /Die Region „15086“ gibt es in den Daten nicht/],
      ['region not offered on the level', `<region-auswahl src="${HARZ}" region="15" level="Kreis"></region-auswahl>`, /Die Region „15“ gibt es in den Daten nicht/],
      ['unknown indicator', `<region-auswahl src="${HARZ}" indicator="einwohner"></region-auswahl>`, /Den Indikator „einwohner“ gibt es in den Daten nicht/],
      ['unknown level', `<region-auswahl src="${HARZ}" level="Landkreis"></region-auswahl>`, /„Landkreis“ ist nicht erlaubt/],
      ['no regions on the level', `<region-auswahl src="${HARZ}" level="Gemeindeverband"></region-auswahl>`, /Für diese Auswahl liegen keine Werte vor/],
      ['HTTP 404', '<region-auswahl src="/__test__/status/404"></region-auswahl>', /HTTP-Status 404/],
      ['no data at all', '<region-auswahl></region-auswahl>', /Es sind keine Daten angegeben/],
    ];
    for (const [name, markup, message] of cases) {
      it(name, async () => {
        const wrapper = await fixture(html`<div></div>`);
        wrapper.innerHTML = markup;
        const el = await settled(wrapper.querySelector('region-auswahl')!);
        expect(text(q(el, '[role="alert"]'))).to.match(message);
        expect(page.warnings().join('\n')).to.contain('<region-auswahl>');
        await expect(el).to.be.accessible();
      });
    }
  });

  it('renders data strings as text, never as markup', async () => {
    const doc = JSON.parse(await (await fetch(KREISE)).text());
    doc.regions[2].name = '<img src=x onerror="window.__pwned=1">Dessau';
    const el = await fixture<RegionAuswahl>(html`<region-auswahl .data=${doc} region=${doc.regions[2].key}></region-auswahl>`);
    await settled(el);
    await type(el, 'img');
    expect(q(el, 'img, script')).to.equal(null);
    expect(optionNames(el)).to.deep.equal(['<img src=x onerror="window.__pwned=1">Dessau']);
    expect((window as any).__pwned).to.equal(undefined);
  });
});
