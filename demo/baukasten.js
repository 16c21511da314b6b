// The embed builder (baukasten.html): reads the form, loads the chosen data file to offer its indicators,
// regions and periods, shows a live preview and the HTML snippet to copy. Every element and text is
// made with createElement / textContent — never innerHTML — so nothing from the data or the form can
// become markup. The snippet itself is built as escaped text in baukasten-code.js.
import {
  DATA_FILES,
  DEFINITION_FILE,
  DOSSIER_FILES,
  DOSSIER_GEO_FILES,
  GEO_FILES,
  TOPICS,
  attributesFor,
  filesToHost,
  snippet,
  suggestGeo,
} from './baukasten-code.js';

const LEVELS = ['Bund', 'Land', 'Regierungsbezirk', 'Kreis', 'Gemeindeverband', 'Gemeinde'];
const LEVEL_GROUPS = {
  Bund: 'Bund',
  Land: 'Länder',
  Regierungsbezirk: 'Regierungsbezirke und statistische Regionen',
  Kreis: 'Kreise und kreisfreie Städte',
  Gemeindeverband: 'Gemeindeverbände',
  Gemeinde: 'Gemeinden',
};
const LAENDER = {
  '01': 'Schleswig-Holstein',
  '02': 'Hamburg',
  '03': 'Niedersachsen',
  '04': 'Bremen',
  '05': 'Nordrhein-Westfalen',
  '06': 'Hessen',
  '07': 'Rheinland-Pfalz',
  '08': 'Baden-Württemberg',
  '09': 'Bayern',
  10: 'Saarland',
  11: 'Berlin',
  12: 'Brandenburg',
  13: 'Mecklenburg-Vorpommern',
  14: 'Sachsen',
  15: 'Sachsen-Anhalt',
  16: 'Thüringen',
};
const DEFAULT_FILE = 'bevoelkerung-kreise.json';

const form = document.getElementById('bk-form');
if (form instanceof HTMLFormElement) init(form);

/** @param {HTMLFormElement} form */
function init(form) {
  const byId = (id) => /** @type {any} */ (document.getElementById(id));
  const el = {
    element: byId('bk-element'),
    file: byId('bk-datei'),
    dossierList: byId('bk-dossier-liste'),
    loading: byId('bk-laden'),
    indicator: byId('bk-indikator'),
    region: byId('bk-region'),
    regionLabel: byId('bk-region-label'),
    regionHelp: byId('bk-region-hilfe'),
    type: byId('bk-typ'),
    compare: byId('bk-vergleich'),
    mode: byId('bk-modus'),
    period: byId('bk-zeitpunkt'),
    periodField: byId('bk-zeitpunkt-feld'),
    from: byId('bk-von'),
    to: byId('bk-bis'),
    rangeField: byId('bk-zeitraum-feld'),
    geo: byId('bk-geo'),
    classes: byId('bk-klassen'),
    scheme: byId('bk-schema'),
    topic: byId('bk-thema'),
    dossierCompare: byId('bk-dossier-vergleich'),
    hash: byId('bk-hash'),
    heading: byId('bk-ueberschrift'),
    lang: byId('bk-sprache'),
    theme: byId('bk-farbschema'),
    linked: byId('bk-verknuepft'),
    base: byId('bk-basis'),
    preview: byId('bk-vorschau'),
    previewNote: byId('bk-vorschau-hinweis'),
    code: byId('bk-code'),
    copy: byId('bk-kopieren'),
    copied: byId('bk-kopiert'),
    files: byId('bk-dateien'),
  };

  /** Parsed data files by name (one request each, however often they are chosen). */
  const docs = new Map();
  const loadDoc = (file) => {
    if (!docs.has(file)) {
      const request = fetch(`data/${file}`).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json();
      });
      request.catch(() => docs.delete(file)); // a failure can be retried by choosing the file again
      docs.set(file, request);
    }
    return docs.get(file);
  };
  /** Names of all Kreise (from the boundary file), for parent regions a data file only names by key. */
  let kreisNames;
  const loadKreisNames = () =>
    (kreisNames ??= fetch('data/geo/de-kreise-2021.topo.json')
      .then((r) => (r.ok ? r.json() : { objects: {} }))
      .then((topo) => new Map((topo.objects?.kreise?.geometries ?? []).map((g) => [g.properties?.ags, g.properties?.name])))
      .catch(() => new Map()));

  let currentDoc;
  let geoTouched = false;
  let compareTouched = false;
  const regionMemory = { map: '', other: '' };
  /** Counts data loads; a load that finishes after a newer one started is dropped. */
  let loadToken = 0;
  /** The preview's element and attributes, so an unchanged choice does not redraw it. */
  let shownPreview = '';

  // ---- Static choices ----
  fill(
    el.file,
    [...DATA_FILES].sort((a, b) => a.title.localeCompare(b.title, 'de')).map((f) => ({ value: f.file, label: f.title })),
    [DEFAULT_FILE],
  );
  fill(el.geo, GEO_FILES.map((g) => ({ value: g.file, label: g.title })), []);
  fill(el.topic, TOPICS.map((t) => ({ value: t.id, label: t.title })), ['alle']);
  // The dossier's files first (checked), then the other data files (unchecked).
  for (const file of [...DOSSIER_FILES, ...DATA_FILES.map((f) => f.file).filter((f) => !DOSSIER_FILES.includes(f))]) {
    const id = `bk-dossier-${file.replace(/[^a-z0-9]/gi, '-')}`;
    const row = document.createElement('div');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.name = 'dossierFiles';
    box.value = file;
    box.checked = DOSSIER_FILES.includes(file);
    const label = document.createElement('label');
    label.htmlFor = id;
    const title =
      file === DEFINITION_FILE
        ? 'Dossier-Definition (Themen, Abschnitte, Erläuterungen)'
        : (DOSSIER_GEO_FILES.find((f) => f.file === file) ?? DATA_FILES.find((f) => f.file === file))?.title ?? file;
    label.textContent = `${title} – ${file}`;
    row.append(box, label);
    el.dossierList.append(row);
  }

  // ---- Events ----
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('change', (e) => {
    const target = e.target;
    if (target === el.element || target === el.file) {
      if (target === el.file) geoTouched = false;
      void refreshData(true);
      return;
    }
    if (target instanceof HTMLInputElement && target.name === 'dossierFiles') {
      void refreshData(true);
      return;
    }
    if (target === el.indicator) fillPeriods();
    if (target === el.region) {
      regionMemory[el.element.value === 'kreis-map' ? 'map' : 'other'] = el.region.value;
      suggestBoundaries();
    }
    if (target === el.geo) geoTouched = true;
    if (target === el.compare) compareTouched = true;
    update();
  });
  // Typing updates the code at once and the preview after a short pause.
  let typingTimer;
  form.addEventListener('input', (e) => {
    if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'text') return;
    updateCode();
    clearTimeout(typingTimer);
    typingTimer = setTimeout(updatePreview, 400);
  });
  el.copy.addEventListener('click', () => void copyCode());

  void refreshData(false);

  // ---- Reading the form ----
  function state() {
    const time = form.elements.namedItem('time');
    return {
      element: el.element.value,
      file: el.file.value,
      indicator: el.indicator.value,
      region: el.region.value,
      type: el.type.value,
      compare: el.compare.value,
      mode: el.mode.value,
      time: time instanceof RadioNodeList ? time.value : '',
      period: el.period.value,
      from: el.from.value,
      to: el.to.value,
      geo: el.geo.value,
      classes: el.classes.value,
      scheme: el.scheme.value,
      topic: el.topic.value,
      dossierCompare: el.dossierCompare.value,
      hash: el.hash.checked,
      dossierFiles: [...el.dossierList.querySelectorAll('input:checked')].map((box) => box.value),
      heading: el.heading.value,
      lang: el.lang.value,
      theme: el.theme.value,
      linked: el.linked.checked,
      base: el.base.value,
    };
  }

  // ---- Loading the data and filling the choices ----
  async function refreshData(announce) {
    const token = ++loadToken;
    const s = state();
    showFields();
    form.setAttribute('aria-busy', 'true');
    try {
      if (s.element === 'themen-dossier') {
        const files = s.dossierFiles.filter((f) => f !== DEFINITION_FILE);
        if (announce) el.loading.textContent = `Lade ${files.length} Datendateien …`;
        const loaded = await Promise.all(files.map(loadDoc));
        if (token !== loadToken) return;
        const regions = uniqueRegions(loaded.flatMap((d) => d.regions ?? [])).filter((r) => r.level === 'Kreis' || r.level === 'Gemeinde');
        fillRegions(regions, '', ['15085']);
        if (announce) el.loading.textContent = `${files.length} Datendateien geladen, ${regions.length} Kreise und Gemeinden zur Auswahl.`;
      } else {
        if (announce) el.loading.textContent = `Lade ${s.file} …`;
        const doc = await loadDoc(s.file);
        const parents = s.element === 'kreis-map' ? await parentRegions(doc) : [];
        if (token !== loadToken) return;
        currentDoc = doc;
        fillFromDoc(doc, s.element, parents);
        if (announce) {
          const n = doc.indicators?.length ?? 0;
          el.loading.textContent = `${s.file} geladen: ${n} ${n === 1 ? 'Indikator' : 'Indikatoren'}, ${doc.regions?.length ?? 0} Regionen.`;
        }
      }
    } catch (error) {
      if (token !== loadToken) return;
      el.loading.textContent = `Die Datei konnte nicht geladen werden (${error instanceof Error ? error.message : String(error)}).`;
    }
    form.removeAttribute('aria-busy');
    update();
  }

  function fillFromDoc(doc, tag, parents) {
    const indicators = (doc.indicators ?? []).map((i) => ({ value: i.id, label: `${text(i.label)} (${i.id})` }));
    if (tag === 'region-auswahl') indicators.unshift({ value: '', label: 'Alle Regionen der Datei anbieten' });
    fill(el.indicator, indicators, []);

    const regions = uniqueRegions(doc.regions ?? []);
    const gemeinden = regions.some((r) => r.level === 'Gemeinde');
    if (tag === 'kreis-map') {
      fillRegions(parents, 'Alle Gebiete der Grenzdatei', gemeinden ? ['15085', '15'] : ['15', 'DG'], 'map');
      suggestBoundaries();
    } else {
      const empty = tag === 'indikator-tabelle' ? 'Alle Regionen mit Daten' : tag === 'region-auswahl' ? 'Keine Vorauswahl' : 'Keine Angabe';
      fillRegions(regions, empty, ['15085', '15', 'DG'], 'other');
    }

    const reference = regions.filter((r) => r.level === 'Bund' || r.level === 'Land');
    fill(
      el.compare,
      [
        { value: '', label: 'Kein Vergleich' },
        { value: 'parent', label: 'Nächstgrößere Region (parent)' },
        { value: 'ancestors', label: 'Alle übergeordneten Regionen (ancestors)' },
        ...reference.map((r) => ({ value: r.key, label: `${r.name} (${r.key})` })),
      ],
      compareTouched ? [] : ['parent'],
    );
    fillPeriods();
  }

  function fillRegions(regions, emptyLabel, preferred, memory) {
    const sorted = [...regions].sort(
      (a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.name.localeCompare(b.name, 'de') || a.key.localeCompare(b.key),
    );
    const options = sorted.map((r) => ({ value: r.key, label: `${r.name} (${r.key})`, group: LEVEL_GROUPS[r.level] ?? r.level }));
    if (emptyLabel) options.unshift({ value: '', label: emptyLabel });
    const remembered = memory ? regionMemory[memory] : '';
    fill(el.region, options, [remembered, ...preferred].filter(Boolean), false);
    if (memory) regionMemory[memory] = el.region.value;
  }

  function fillPeriods() {
    const indicator = el.indicator.value || currentDoc?.indicators?.[0]?.id;
    const periods = [...new Set((currentDoc?.observations ?? []).filter((o) => o.indicator === indicator).map((o) => String(o.period)))].sort();
    const options = periods.map((p) => ({ value: p, label: periodLabel(p) }));
    fill(el.period, [{ value: '', label: 'Neuester Zeitpunkt mit Werten' }, ...options], []);
    fill(el.from, [{ value: '', label: 'Von Anfang an' }, ...options], []);
    fill(el.to, [{ value: '', label: 'Bis zum neuesten Zeitpunkt' }, ...options], []);
  }

  /** Regions a map can show the parts of: every parent named in the data, and the Länder above them. */
  async function parentRegions(doc) {
    const known = new Map((doc.regions ?? []).map((r) => [r.key, r]));
    const keys = new Set();
    for (const r of doc.regions ?? []) {
      if (!r.parent) continue;
      keys.add(r.parent);
      if (r.parent !== 'DG' && r.parent.length > 2) keys.add(r.parent.slice(0, 2));
    }
    const unnamedKreise = [...keys].some((k) => k.length === 5 && !known.has(k));
    const names = unnamedKreise ? await loadKreisNames() : new Map();
    return [...keys].map((key) => {
      const level = known.get(key)?.level ?? levelOfKey(key);
      const name = known.get(key)?.name ?? (level === 'Land' ? LAENDER[key] : names.get(key)) ?? `Schlüssel ${key}`;
      return { key, name, level };
    });
  }

  function suggestBoundaries() {
    if (el.element.value !== 'kreis-map' || geoTouched) return;
    const gemeinden = (currentDoc?.regions ?? []).some((r) => r.level === 'Gemeinde');
    el.geo.value = suggestGeo(el.region.value, gemeinden);
  }

  // ---- Which fields show ----
  function showFields() {
    const tag = el.element.value;
    for (const node of form.querySelectorAll('[data-fuer]')) node.hidden = !node.dataset.fuer.split(' ').includes(tag);
    const time = state().time;
    el.periodField.hidden = !(tag === 'kreis-map' || time === 'period');
    el.rangeField.hidden = !(tag !== 'kreis-map' && time === 'range');
    const labels = {
      'kreis-map': ['Gebiet, dessen Teile die Karte zeigt', 'Zum Beispiel ein Land für seine Kreise oder ein Kreis für seine Gemeinden.'],
      'indikator-chart': ['Region', 'Bei Rangfolgen (Balken) eine Region mit Teilgebieten: Sie werden verglichen.'],
      'region-auswahl': ['Vorausgewählte Region', 'Die Region, die beim Laden der Seite eingetragen ist.'],
      'themen-dossier': ['Kreis oder Gemeinde', 'Das Dossier zeigt alle Themen für diese Region.'],
      'indikator-tabelle': ['Region', 'Ohne Angabe zeigt die Tabelle alle Regionen mit Daten.'],
    };
    const [label, help] = labels[tag] ?? ['Region', ''];
    el.regionLabel.textContent = label;
    el.regionHelp.textContent = help;
  }

  // ---- Output ----
  function update() {
    showFields();
    updateCode();
    updatePreview();
  }

  function updateCode() {
    const s = state();
    el.code.textContent = snippet(s);
    const items = filesToHost(s).map(({ path, note }) => {
      const li = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = path;
      li.append(code, ` – ${note}`);
      return li;
    });
    el.files.replaceChildren(...items);
  }

  function updatePreview() {
    const s = state();
    // In the demo the files lie beside this page (data/, data/geo/), not under the reader's base path.
    const attrs = attributesFor(s, (kind, file) => (kind === 'geo' ? `data/geo/${file}` : `data/${file}`));
    const key = JSON.stringify([s.element, attrs]);
    if (key === shownPreview) return;
    shownPreview = key;
    const node = document.createElement(s.element);
    for (const [name, value] of attrs) node.setAttribute(name, value === true ? '' : value);
    el.preview.replaceChildren(node);
    if (customElements.get(s.element)) {
      el.previewNote.hidden = true;
    } else {
      el.previewNote.textContent = `Das Element <${s.element}> ist in dieser Fassung von kreisdossier noch nicht enthalten. Der Code unten stimmt trotzdem schon; sobald das Bundle das Element enthält, erscheint hier die Vorschau.`;
      el.previewNote.hidden = false;
      void customElements.whenDefined(s.element).then(() => {
        if (el.element.value === s.element) el.previewNote.hidden = true;
      });
    }
  }

  async function copyCode() {
    const code = el.code.textContent ?? '';
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(code);
        copied = true;
      }
    } catch {
      copied = false;
    }
    if (!copied) {
      // Fallback: select the code, so the reader can copy it with the keyboard; try the old copy command.
      const range = document.createRange();
      range.selectNodeContents(el.code);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
    }
    // Emptied first, so the same message is announced again on a second click.
    el.copied.textContent = '';
    setTimeout(() => {
      el.copied.textContent = copied
        ? 'Der Code ist in der Zwischenablage.'
        : 'Der Code ist markiert. Kopieren Sie ihn mit Strg+C (am Mac mit Befehlstaste+C).';
    }, 50);
  }
}

// ---- Helpers ----

/** Replaces a select's options; keeps the current value if still offered, else the first preferred one. */
function fill(select, options, preferred, keepCurrent = true) {
  const previous = select.value;
  const nodes = [];
  let group;
  for (const o of options) {
    const option = document.createElement('option');
    option.value = o.value;
    option.textContent = o.label;
    if (!o.group) {
      nodes.push(option);
      group = undefined;
      continue;
    }
    if (!group || group.label !== o.group) {
      group = document.createElement('optgroup');
      group.label = o.group;
      nodes.push(group);
    }
    group.append(option);
  }
  select.replaceChildren(...nodes);
  const values = options.map((o) => o.value);
  const wanted = [...(keepCurrent && previous ? [previous] : []), ...preferred].find((v) => values.includes(v));
  select.value = wanted ?? values[0] ?? '';
}

/** A label from the data: plain text or { de, en }. */
function text(label) {
  if (typeof label === 'string') return label;
  if (label && typeof label === 'object') return label.de ?? label.en ?? Object.values(label)[0] ?? '';
  return '';
}

/** Regions by key (several files may name the same region), names as text. */
function uniqueRegions(regions) {
  const byKey = new Map();
  for (const r of regions) if (r?.key && !byKey.has(r.key)) byKey.set(r.key, { key: String(r.key), name: text(r.name) || String(r.key), level: r.level ?? levelOfKey(r.key) });
  return [...byKey.values()];
}

function levelOfKey(key) {
  if (key === 'DG') return 'Bund';
  return { 2: 'Land', 3: 'Regierungsbezirk', 5: 'Kreis', 9: 'Gemeindeverband' }[key.length] ?? 'Gemeinde';
}

/** "2015-12-31" → "31.12.2015", "2021-06" → "06/2021", "2016" stays. */
function periodLabel(period) {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[2]}/${m[1]}`;
  return period;
}
