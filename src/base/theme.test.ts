// The default look: readable (WCAG contrast for every text and focus colour, light and dark), the same as
// KERN-UX's tokens where it claims to be, and themes/kern.css really hands the page's KERN tokens through.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { contrast, rgb } from '../../test/fixtures/colour.js';
import { guardPage } from '../../test/fixtures/page-guard.js';
import '../indikator-chart/define.js';
import '../indikator-tabelle/define.js';
import { BASE_COLORS, COLOR_TOKENS } from './theme.js';

const ALQ = '/examples/arbeitslosenquote-sachsen-anhalt.json';
const KERN_CSS = '/node_modules/@kern-ux/native/dist/kern.css';
const KERN_THEME = '/src/themes/kern.css';

const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(`--_kd-${name}`).trim();

function linkStylesheet(href: string): Promise<HTMLLinkElement> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  document.head.append(link);
  return new Promise((resolve, reject) => {
    link.onload = () => resolve(link);
    link.onerror = () => reject(new Error(`could not load ${href}`));
  });
}

/** `--kd-x: var(--kern-y)` pairs of themes/kern.css, read from the file itself. */
async function kernMappings(): Promise<Array<[string, string]>> {
  const css = await (await fetch(KERN_THEME)).text();
  return [...css.matchAll(/--kd-([a-z0-9-]+)\s*:\s*var\((--kern-[a-z0-9-]+)\)/g)].map((m) => [m[1]!, m[2]!]);
}

describe('theme', () => {
  guardPage();

  for (const scheme of ['light', 'dark'] as const) {
    it(`meets WCAG contrast with its ${scheme} defaults`, async () => {
      const page = scheme === 'dark' ? BASE_COLORS.background.dark : '#ffffff';
      const wrapper = await fixture(html`<div style="background:${page}"><indikator-tabelle theme=${scheme} src=${ALQ}></indikator-tabelle></div>`);
      const el = wrapper.querySelector('indikator-tabelle')!;
      const t = (name: string) => token(el, name);
      // light: text is inherited from the page; KERN's text colour stands for it
      const text = scheme === 'dark' ? getComputedStyle(el).color : '#131525';
      const backgrounds = { page, surface: t('surface'), placeholder: t('placeholder'), hover: t('hover') };
      const failures: string[] = [];
      const need = (fg: string, fgName: string, bgs: Record<string, string>, min: number) => {
        for (const [bgName, bg] of Object.entries(bgs)) {
          const ratio = contrast(fg, bg);
          if (ratio < min) failures.push(`${fgName} on ${bgName}: ${ratio.toFixed(2)} < ${min}`);
        }
      };
      need(text, 'text', { ...backgrounds, 'error-background': t('error-background') }, 4.5);
      for (const name of ['muted', 'link', 'good', 'bad', 'label']) need(t(name), name, backgrounds, 4.5);
      // focus ring, field border (muted), alert border: non-text contrast (1.4.11)
      need(t('focus'), 'focus', { page, surface: t('surface') }, 3);
      need(t('error'), 'error', { page, 'error-background': t('error-background') }, 3);
      expect(failures).to.deep.equal([]);
      expect(COLOR_TOKENS.length).to.be.greaterThan(12);
    });
  }

  it('uses the focus width, offset and colour tokens for the focus ring', async () => {
    const el = await fixture(html`<indikator-tabelle src=${ALQ} style="--kd-focus-width: 6px; --kd-color-focus: rgb(1, 2, 3)"></indikator-tabelle>`);
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'table', { timeout: 5000 });
    const target = el.shadowRoot!.querySelector<HTMLElement>('[tabindex="0"], button, a')!;
    target.focus();
    expect(target.matches(':focus-visible'), 'keyboard-style focus').to.be.true;
    const style = getComputedStyle(target);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('6px');
    expect(style.outlineColor).to.equal('rgb(1, 2, 3)');
    expect(style.outlineOffset).to.equal('2px');
  });

  describe('beside KERN-UX', () => {
    let links: HTMLLinkElement[] = [];
    afterEach(() => {
      for (const l of links) l.remove();
      links = [];
      document.documentElement.removeAttribute('data-kern-theme');
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`has KERN's ${scheme} values as its defaults, for every token themes/kern.css maps`, async () => {
        links.push(await linkStylesheet(KERN_CSS));
        const wrapper = await fixture(html`<div data-kern-theme=${scheme}><indikator-tabelle theme=${scheme} src=${ALQ}></indikator-tabelle></div>`);
        const el = wrapper.querySelector('indikator-tabelle')!;
        const mismatches: string[] = [];
        let compared = 0;
        for (const [kd, kern] of await kernMappings()) {
          const ours = token(el, kd.replace(/^color-/, '').replace('row-hover', 'hover'));
          const theirs = getComputedStyle(wrapper).getPropertyValue(kern).trim();
          if (!ours || !theirs || kd === 'color-accent') continue; // fonts and accent: no own token
          compared++;
          if (kd.startsWith('color-')) {
            const [a, b] = [rgb(ours), rgb(theirs)];
            if (a.some((c, i) => Math.abs(c - b[i]!) > 2)) mismatches.push(`${kd}: ${ours} ≠ ${kern} (${theirs} = rgb(${b.join(' ')}))`);
          } else {
            const probe = (v: string) => {
              const d = document.createElement('div');
              d.style.width = v;
              wrapper.append(d);
              const w = d.getBoundingClientRect().width;
              d.remove();
              return w;
            };
            if (probe(ours) !== probe(theirs)) mismatches.push(`${kd}: ${ours} ≠ ${kern} (${theirs})`);
          }
        }
        expect(compared).to.be.greaterThan(15);
        expect(mismatches).to.deep.equal([]);
      });
    }

    it('follows the page’s KERN tokens (also a site’s own brand colour) with themes/kern.css, and stays accessible', async () => {
      links.push(await linkStylesheet(KERN_CSS), await linkStylesheet(KERN_THEME));
      const wrapper = await fixture(html`<div class="brand" style="--kern-color-action-default: rgb(0, 89, 79)">
        <indikator-chart src=${ALQ} region="15085" compare="15"></indikator-chart>
        <indikator-tabelle src=${ALQ} region="15085"></indikator-tabelle>
      </div>`);
      const chart = wrapper.querySelector('indikator-chart')!;
      await waitUntil(() => chart.shadowRoot!.querySelector('canvas'), 'chart drawn', { timeout: 10000 });
      for (const [kd, kern] of await kernMappings()) {
        const value = getComputedStyle(chart).getPropertyValue(`--kd-${kd}`).trim();
        expect(value, `--kd-${kd}`).to.equal(getComputedStyle(wrapper).getPropertyValue(kern).trim());
      }
      expect(rgb(token(chart, 'link'))).to.deep.equal([0, 89, 79]);
      await expect(chart).to.be.accessible();
      await expect(wrapper.querySelector('indikator-tabelle')).to.be.accessible();

      // KERN's dark mode (the brand colour above was chosen for light pages only)
      (wrapper as HTMLElement).style.removeProperty('--kern-color-action-default');
      document.documentElement.setAttribute('data-kern-theme', 'dark');
      chart.setAttribute('theme', 'dark');
      expect(contrast(token(chart, 'muted'), getComputedStyle(document.documentElement).getPropertyValue('--kern-color-layout-background-default'))).to.be.at.least(4.5);
      await expect(chart).to.be.accessible();
    });
  });
});
