import { css } from 'lit';

export const dossierStyles = css`
  :host {
    /* active topic, key-figure bars: KERN's action colour, like links */
    --_kd-accent: var(--kd-color-accent, var(--_kd-link));
  }
  /* The dossier is long: it reserves a screen while its data load and its sections arrive, so the page below
     does not jump (CLS 0); once complete it is as tall as its content. */
  .placeholder,
  .dossier[aria-busy='true'] {
    min-height: var(--kd-dossier-min-height, 100vh);
  }
  .dossier > * + * {
    margin-top: var(--_kd-space-xl);
  }
  /* Composed elements take the dossier's typography (also a font or text spacing the page set on the dossier). */
  indikator-chart,
  indikator-tabelle,
  kreis-map,
  region-auswahl {
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
  }
  h2,
  h3,
  h4,
  h5,
  h6,
  [role='heading'] {
    line-height: 1.25;
    margin: 0 0 var(--_kd-space-s);
    font-weight: 700;
  }
  .title {
    font-size: 1.75em;
  }
  .title .in {
    font-weight: 400;
  }
  .topic-title {
    font-size: 1.5em;
    padding-top: var(--_kd-space-m);
    border-top: 2px solid var(--_kd-border);
  }
  .section-title {
    font-size: 1.25em;
  }
  .tile-title,
  .explanation-title {
    font-size: 1em;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .eyebrow,
  .meta {
    color: var(--_kd-muted);
    font-size: 0.875em;
    margin: 0 0 var(--_kd-space-xs);
  }
  .intro {
    max-width: 48rem;
    font-size: 1.0625em;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kd-space-m) var(--_kd-space-xl);
    align-items: flex-end;
    margin-top: var(--_kd-space-m);
  }
  .picker {
    flex: 1 1 16rem;
    max-width: 24rem;
    --kd-min-height: 0;
  }
  .topics ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kd-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .topics a,
  .topics button {
    display: inline-block;
    padding: 0.375rem 0.75rem;
    border: 1px solid var(--_kd-border);
    border-radius: 999px;
    color: inherit;
    background: var(--_kd-surface);
    text-decoration: none;
    font-size: 0.9375em;
  }
  .topics a[aria-current='page'],
  .topics button[aria-pressed='true'] {
    border-color: var(--_kd-accent);
    box-shadow: inset 0 0 0 2px var(--_kd-accent);
    font-weight: 700;
  }
  .related {
    flex: 1 1 100%;
    font-size: 0.9375em;
  }
  .related-title {
    margin: var(--_kd-space-s) 0 var(--_kd-space-xs);
    color: var(--_kd-muted);
  }
  .related-list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kd-space-xs) var(--_kd-space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .related-list a,
  .related-list button.link {
    color: var(--_kd-link);
  }
  /* A button that reads as a link: it switches the region in the page, like the links do with \`hash\`. */
  button.link {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .empty-mark {
    color: var(--_kd-muted);
    font-weight: 400;
  }
  .toc {
    padding: var(--_kd-space-m) 1.25rem;
    border-left: 4px solid var(--_kd-accent);
    background: var(--_kd-placeholder);
  }
  .toc ol {
    margin: 0;
    padding-left: 1.25rem;
  }
  .toc ol ol {
    padding-left: var(--_kd-space-m);
  }
  .section {
    margin-top: calc(var(--_kd-space-xl) + var(--_kd-space-s));
  }
  .section-text,
  .topic-intro {
    max-width: 48rem;
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--kd-dossier-columns, 15rem)), 1fr));
    gap: var(--_kd-space-m);
  }
  .tile {
    padding: var(--_kd-space-m);
    border: 1px solid var(--_kd-border);
    border-top: 4px solid var(--_kd-accent);
    border-radius: var(--_kd-radius);
    background: var(--_kd-surface);
    break-inside: avoid;
  }
  .value {
    font-size: 1.75em;
    font-weight: 700;
    line-height: 1.2;
    margin: var(--_kd-space-xs) 0;
    overflow-wrap: anywhere;
  }
  .value .unit {
    font-size: calc(1em / 1.75); /* the tile's text size (the value is 1.75em) */
    font-weight: 400;
    overflow-wrap: normal;
  }
  .definition-note {
    margin-top: var(--_kd-space-m);
    font-size: 0.875em;
  }
  .value.spread {
    font-size: 1.375em;
  }
  .period,
  .spread-note {
    color: var(--_kd-muted);
    font-size: 0.875em;
  }
  /* "berechnet aus: …" under a computed indicator's value: in the text colour, it must not be missed */
  .tile .computed {
    margin: var(--_kd-space-xs) 0 0;
    font-size: 0.875em;
  }
  .computed-list {
    margin: var(--_kd-space-s) 0 var(--_kd-space-m);
    padding-inline-start: 1.25rem;
    font-size: 0.875em;
  }
  .facts {
    margin: var(--_kd-space-s) 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.9375em;
  }
  .facts li + li {
    margin-top: 0.375rem;
  }
  .arrow {
    display: inline-block;
    width: 1.25em;
  }
  .change.good .arrow,
  .change.good .assessment {
    color: var(--_kd-good);
  }
  .change.bad .arrow,
  .change.bad .assessment {
    color: var(--_kd-bad);
  }
  .change.missing {
    color: var(--_kd-muted);
  }
  .explanation {
    margin-top: var(--_kd-space-m);
    padding: 0.75rem var(--_kd-space-m);
    border-left: 4px solid var(--_kd-border);
    background: var(--_kd-placeholder);
    max-width: 48rem;
  }
  .explanation p:last-child {
    margin-bottom: 0;
  }
  .no-data,
  .missing,
  .empty-topic {
    padding: 0.75rem var(--_kd-space-m);
    border: 1px dashed var(--_kd-border);
    border-radius: var(--_kd-radius);
  }
  .switch {
    margin-left: var(--_kd-space-xs);
  }
  indikator-chart,
  kreis-map,
  indikator-tabelle {
    margin: var(--_kd-space-m) 0;
  }
  .sources .source {
    font-size: 0.875em;
  }
  .sources .source p + p {
    margin-bottom: var(--_kd-space-s);
  }
  @media print {
    .controls,
    .toc,
    .switch,
    .related {
      display: none;
    }
    .tile,
    .explanation,
    .section-title {
      break-inside: avoid;
    }
    .section-title {
      break-after: avoid;
    }
  }
  @media (forced-colors: active) {
    .tile,
    .toc,
    .explanation,
    .topics a[aria-current='page'],
    .topics button[aria-pressed='true'] {
      border-color: CanvasText;
    }
    .change.good .arrow,
    .change.bad .arrow,
    .change.good .assessment,
    .change.bad .assessment {
      color: CanvasText;
    }
  }
`;
