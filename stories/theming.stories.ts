import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/indikator-chart/define.js';
import '../src/indikator-tabelle/define.js';
import '../src/region-auswahl/define.js';
import { EXAMPLES, darkStory } from './controls.js';

const ALQ = `${EXAMPLES}arbeitslosenquote-sachsen-anhalt.json`;

/** The `--kd-*` properties the controls set (docs/theming.md lists all of them). */
interface ThemeArgs {
  '--kd-font-family': string;
  '--kd-color-link': string;
  '--kd-color-focus': string;
  '--kd-color-border': string;
  '--kd-color-series-1': string;
  '--kd-color-series-2': string;
  '--kd-radius': string;
  '--kd-space-m': string;
  '--kd-focus-width': string;
  theme: '' | 'light' | 'dark' | 'auto';
}

const color = { control: 'color' } as const;
const text = { control: 'text' } as const;

const meta: Meta<ThemeArgs> = {
  title: 'Gestaltung / Theming',
  parameters: {
    docs: {
      description: {
        component:
          'Alle Elemente werden über CSS-Variablen `--kd-*` gestaltet (Liste: `docs/theming.md`). Ohne Angaben gelten die Werte von KERN-UX 2.7, hell und dunkel; Seiten mit KERN-UX binden zusätzlich `themes/kern.css` ein. · All elements are themed with `--kd-*` custom properties; the defaults are KERN-UX 2.7 tokens.',
      },
    },
  },
  argTypes: {
    '--kd-font-family': text,
    '--kd-color-link': color,
    '--kd-color-focus': color,
    '--kd-color-border': color,
    '--kd-color-series-1': color,
    '--kd-color-series-2': color,
    '--kd-radius': text,
    '--kd-space-m': text,
    '--kd-focus-width': text,
    theme: { control: 'select', options: ['', 'light', 'dark', 'auto'], labels: { '': '(hell)' } },
  },
  render: ({ theme, ...properties }) => {
    // Only the properties given: an empty control leaves the default (KERN-UX) in place.
    const set = Object.fromEntries(Object.entries(properties).filter(([, v]) => v));
    return html`<div class="kd-theme-story" style=${styleMap(set)}>
      <region-auswahl src=${ALQ} theme=${theme || 'light'} level="Kreis"></region-auswahl>
      <indikator-chart src=${ALQ} region="15085" compare="15" theme=${theme || 'light'}></indikator-chart>
      <indikator-tabelle src=${ALQ} region="15085 15" from="2012" theme=${theme || 'light'}></indikator-tabelle>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<ThemeArgs>;

/** Die Voreinstellung: Farben, Abstände und Fokusrahmen von KERN-UX (hell). */
export const Kern: Story = { name: 'KERN-UX (Voreinstellung)' };

/**
 * Eine eigene Gestaltung, wie sie eine Kreisverwaltung in ihr Stylesheet schreibt: Hausfarbe für Links, Fokus
 * und die erste Datenreihe, eckige Kästen, eine Serifenschrift. Mit den Reglern ausprobieren; bitte Kontrast
 * prüfen (Reiter „Accessibility“).
 */
export const EigeneGestaltung: Story = {
  name: 'Eigene Gestaltung',
  args: {
    '--kd-font-family': 'Georgia, serif',
    '--kd-color-link': '#00594f',
    '--kd-color-focus': '#00594f',
    '--kd-color-border': '#7a8a86',
    '--kd-color-series-1': '#00594f',
    '--kd-color-series-2': '#8a4b00',
    '--kd-radius': '0',
    '--kd-space-m': '1.25rem',
    '--kd-focus-width': '3px',
  },
};

/** Stylesheets for one story, removed again when another story is shown (Storybook keeps the page). */
function withStylesheets(...hrefs: string[]) {
  return () => {
    const links = hrefs.map((href) => Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL(href, document.baseURI).href }));
    document.head.append(...links);
    return () => links.forEach((link) => link.remove());
  };
}

/**
 * Eine Seite mit KERN-UX: `kern.min.css` und danach `themes/kern.css` aus kreisdossier. Die Elemente folgen
 * den KERN-Variablen der Seite – hier mit einer eigenen Hausfarbe (`--kern-color-action-default`), die Links,
 * Fokus und Akzente übernehmen. Fira Sans erscheint nur, wenn die Seite die Schrift selbst ausliefert.
 */
export const KernSeite: Story = {
  name: 'Seite mit KERN-UX (themes/kern.css)',
  beforeEach: withStylesheets('kern/kern.min.css', 'themes/kern.css'),
  decorators: [(story) => html`<div class="kern-container" style="--kern-color-action-default: #00594f">${story()}</div>`],
};

/** `theme="dark"` auf einer dunklen Seite: KERN-UX' dunkle Werte. */
export const Dunkel: Story = { name: 'Dunkel / Dark', args: { theme: 'dark' }, ...darkStory };
