/**
 * What each value column of a classic GENESIS table holds, read from the header rows with no mapping:
 * which indicator (measure, sub-heading, unit), which period, which unit, which categories.
 *
 * 1. Header rows are classified: periods, units (Anzahl, Prozent, Jahre, qkm, Tsd. EUR, 1000 cbm, …, and the English
 *    exports' number, percent, years, sq km, …; sex words also Total/male/female/men/women; the last
 *    header row also with short unknown units such as "AK-E" next to known ones), a heading (one value over every
 *    column: "Geschlecht", "Nationalität", a lone measure name) or values. "und zwar", "davon", "darunter" are
 *    fillers: never a measure, breakdown or part of an id.
 * 2. The measure: a title line "Measure (Unit)" ("Bevölkerungsstand (Anzahl)") says the table has one. Otherwise a
 *    heading above all value rows is the one measure when the title names it before "nach" ("Bevölkerung nach …")
 *    or no categories follow it; otherwise the measure row is the topmost values row with two or more values that
 *    is not below a heading (that would be a dimension's categories) and not a row of sex words; its values group
 *    the columns. Else the first title line. A label column of measures with a unit column beside it
 *    ("Kaufsumme;Tsd. EUR;…") gives each row its measure and unit instead.
 * 3. Rows above the measure (all rows when it comes from the title) apply to every column: a row of sex words is
 *    `geschlecht`, a row below a heading is the dimension the heading names, any other row a dimension
 *    `merkmal-N`, named from the title's "nach …": by its categories where they show it (ages → "Alter…",
 *    Deutsche/Ausländer → "Nationalität"), else when exactly one name is left for one dimension.
 * 4. Rows below the measure, per measure: a breakdown's name ("Geschlecht", "Nationalität", "…gruppen") over the
 *    measure's columns with categories below it, or a row of sex words, is a breakdown; over one category it is a
 *    one-category breakdown ("Nationalität" over "Ausländer" only). A sub-heading constant over the measure's columns
 *    that names a subgroup ("Frauen", "Ausländer") always joins the id and label (`arbeitslose-frauen`); any other
 *    row qualifies the columns as separate indicators: id measure-id + "-" + every sub-heading that is no total and
 *    names no breakdown; a column without such a sub-heading keeps the measure's id. One measure in two units gets
 *    the unit in its id. Columns that still look alike are refused (a mapping can say what they are).
 *    A constant row over every column (above the measure, or anywhere when the title gives it) is likewise never
 *    dropped: sex words ("weiblich") and a category under a breakdown's name are one-category breakdowns, another
 *    subgroup joins every id; fillers, "Insgesamt", a period's name ("Stichtag") and the measure's own name do not.
 */
import { REGION_KEY_PATTERN } from '../../src/format/schema.js';
import { AdapterError } from '../adapter-error.js';
import { isoPeriod, slug } from '../common.js';
import { measureIds, measureWords, subheadingSlug, uniqueIds, withoutParentheticals, wordPool } from './genesis-ids.js';
import type { GenesisTable } from './genesis-table.js';

/**
 * Roles of label columns: 'period', 'region', 'name', 'ignore', 'dimension:<id>'; with no mapped indicators also
 * 'indicator' (the row's measure, as in "Veräußerungsfälle von Bauland;Anzahl;…") and 'unit' (the row's unit).
 */
export type LabelRole = 'period' | 'region' | 'name' | 'ignore' | 'indicator' | 'unit' | `dimension:${string}`;

const UNIT_WORDS = [
  'Anzahl', 'Personen', 'Prozent', '%', 'Promille', '‰', 'Prozentpunkte', 'Jahre', 'Monate', 'Tage', 'Stunden', 'Std.', 'qkm', 'km²', 'km',
  'qm', 'm²', 'm³', 'cbm', 'm', 'ha', 'EUR', 'Euro', 'Tsd.', '1000', 'Tonnen', 't', 'dt', 'kg', 'dt/ha', 't/ha', 'kWh', 'MWh', 'GWh', 'MJ', 'GJ',
  'TJ', 'kW', 'MW', 'Stück', 'Punkte', 'Messzahl', 'Index',
  // The English exports of GENESIS-Online / Regionaldatenbank.
  'number', 'persons', 'percent', 'per cent', 'per mille', 'percentage points', 'years', 'months', 'days', 'hours', 'sq km', 'km2', 'sq m',
  'hectares', 'tons', 'tonnes', 'pieces', 'points', 'index',
].flatMap((u) => (/^[a-z]/.test(u) ? [u, u[0]!.toUpperCase() + u.slice(1)] : [u]));
const UNIT = new RegExp(
  `^(?:(?:1000|Tsd\\.|Mill\\.|Mio\\.|Mrd\\.)\\s+)?(?:${UNIT_WORDS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:\\s+(?:je|pro|per)\\s+.+)?$`,
);
/** A published unit: "Anzahl", "Prozent", "Jahre", "qkm", "Tsd. EUR", "EUR je Einwohner", …. */
export const isUnit = (s: string): boolean => UNIT.test(s.trim());

const SEX = new Set(['insgesamt', 'männlich', 'weiblich', 'männer', 'frauen', 'total', 'male', 'female', 'males', 'females', 'men', 'women']);
export const isSexWord = (s: string): boolean => SEX.has(s.trim().toLowerCase());
export const TOTAL = /^(?:insgesamt|total)$/i;
/** A date, year or school year, not a region key; a year before 1800 is a number ("1000" is a unit). */
export const isPeriod = (s: string): boolean => {
  const p = isoPeriod(s);
  return p !== undefined && !REGION_KEY_PATTERN.test(s.trim()) && Number(p.slice(0, 4)) >= 1800;
};

const distinct = (cells: string[]) => new Set(cells.filter(Boolean));
/** Sex words only (an empty cell is the total), with at least two categories. */
const isSexRow = (cells: string[]) =>
  cells.some(Boolean) && cells.every((c) => !c || isSexWord(c)) && new Set(cells.map((c) => (c || 'insgesamt').toLowerCase())).size >= 2;

type RowKind = 'period' | 'unit' | 'heading' | 'values' | 'empty';

/** A short token that may be a unit GENESIS abbreviates ("AK-E", "l"): counts only in a row with known units. */
const unitLike = (s: string) => isUnit(s) || (/^[\p{L}.²³/-]{1,6}$/u.test(s) && !isSexWord(s));

function classify(cells: string[], last: boolean): RowKind {
  const filled = cells.filter(Boolean);
  if (!filled.length) return 'empty';
  if (filled.every(isPeriod)) return 'period';
  if (filled.every(isUnit) || (last && filled.some(isUnit) && filled.every(unitLike))) return 'unit';
  if (filled.length === cells.length && distinct(cells).size === 1) return 'heading';
  return 'values';
}

/** "Bevölkerungsstand (Anzahl)" → the table's one measure and its unit. */
export function titleMeasure(titleLines: string[]): { label: string; unit: string } | undefined {
  for (const line of titleLines) {
    const m = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(line.trim());
    if (m && isUnit(m[2]!)) return { label: m[1]!, unit: m[2]!.trim() };
  }
  return undefined;
}

/** The dimensions a title names after "nach": "Bevölkerung nach Geschlecht und Altersgruppen (17)" → Geschlecht, Altersgruppen. */
export function titleDimensions(titleLines: string[]): string[] {
  const text = titleLines.join(' ');
  const names: string[] = [];
  for (const m of text.matchAll(/\bnach\s+(.+?)(?=\s+-\s|\s+–\s|[:;]|$)/g)) {
    for (const part of withoutParentheticals(m[1]!).split(/,|\s+und\s+|\s+sowie\s+/)) {
      const name = part.trim();
      if (/^\p{Lu}[\p{L}.-]*(?:\s+[\p{L}.-]+){0,3}$/u.test(name) && !/^(?:Stichtag|Jahr|Jahren|Berichtsjahr|Monat|Quartal|Zeit)/.test(name)) names.push(name);
    }
  }
  return names;
}

export interface PlannedColumn {
  index: number;
  indicator: string;
  /** The published text that names it: measure, and the sub-headings that set it apart. */
  label: string;
  period?: string;
  unit?: string;
  /** [dimension id, published category] */
  breakdown: Array<[string, string]>;
}

export interface Layout {
  labelRoles: LabelRole[];
  columns: PlannedColumn[];
  /** Dimension labels as published (heading, title name), by id. */
  dimensionLabels: Map<string, string>;
  /** Where a label column holds each row's measure: its indicator per published measure and column index. */
  rowIndicators?: Map<string, Array<{ id: string; label: string }>>;
}

/** Label columns: region key, name after it, period, a column of sex words (`geschlecht`), else `merkmal-lN`. */
export function detectLabelRoles(t: GenesisTable): LabelRole[] {
  const sample = t.rows.slice(0, 200);
  const share = (col: number, test: (s: string) => boolean) => sample.filter((r) => test((r.labels[col] ?? '').trim())).length / sample.length;
  const roles: LabelRole[] = [];
  const keyCol = [...Array(t.labelColumns).keys()].find((c) => share(c, (s) => REGION_KEY_PATTERN.test(s)) > 0.9);
  if (keyCol === undefined) throw new AdapterError({ de: 'keine Spalte mit amtlichen Regionalschlüsseln (DG, AGS) gefunden: bitte eine Zuordnung mit labelColumns angeben', en: 'no column with official region keys (DG, AGS) found: pass a mapping with labelColumns' }, t.rows[0]!.line);
  for (let c = 0; c < t.labelColumns; c++) {
    if (c === keyCol) roles.push('region');
    else if (c === keyCol + 1) roles.push('name');
    else if (share(c, isPeriod) > 0.9) roles.push('period');
    else if (isSexRow(t.rows.map((r) => (r.labels[c] ?? '').trim())) && t.rows.every((r) => isSexWord(r.labels[c] ?? ''))) roles.push('dimension:geschlecht');
    else if (share(c, isUnit) > 0 && share(c, unitLike) === 1) roles.push('unit');
    else roles.push(`dimension:merkmal-l${c + 1}`);
  }
  // The measure of a row stands left of its unit ("Landwirtschaftlich genutzte Fläche;ha;…").
  const unit = roles.indexOf('unit');
  if (unit > 0 && roles[unit - 1]!.startsWith('dimension:merkmal-')) roles[unit - 1] = 'indicator';
  return roles;
}

interface Draft {
  index: number;
  measure: number;
  period?: string;
  unit?: string;
  breakdown: Array<[string, string]>;
  /** Sub-headings below the measure that are no breakdown, top to bottom, filled only. */
  path: string[];
  /** Sub-headings constant over the measure's columns (or over every column) that name a subgroup ("Frauen"): always in the id. */
  fixed: string[];
}

/** The categories as the document will have them (an empty cell is "Insgesamt"), to compare columns. */
const breakdownKey = (b: Array<[string, string]>) => JSON.stringify(b.map(([dim, label]) => [dim, slug(label || 'Insgesamt')]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1)));

/** Words that only join header cells ("und zwar", "Davon", "darunter"): no measure, no breakdown, no id. */
const FILLER = /^(?:und zwar|davon|dav\.|darunter|dar\.|nachrichtlich|nachr\.)(?:\s+(?:mit|in|aus|nach|von|ohne|für))?\s*:?$/i;
/** A total within a sub-heading path: it stands for the sub-heading above it. */
const PATH_TOTAL = /^(?:insgesamt|zusammen|total)$/i;
/** A heading that names the period row below it. */
const PERIOD_NAME = /^(?:stichtag|jahr|berichtsjahr|schuljahr|monat|quartal|zeit|zeitraum|reference date|year|date|period)$/i;
/** A sub-heading that names a breakdown rather than a part of the measure ("Geschlecht", "Art des Gebäudes", "Altersgruppen"). */
const DIMENSION_NAME = /^(?:geschlecht|nationalität|staatsangehörigkeit|alter|familienstand|art|sex|nationality|age)\b|(?:arten?|klassen?|gruppen?|stufen?|zweige?|bereiche?|kategorien?)(?:\s*\(.*\))?$|stufe\b/i;

/** Categories that show what a breakdown is, and the title names that fit them. */
const CONTENT_NAMES: Array<[RegExp, RegExp]> = [
  [/\bJahre|^insgesamt$/i, /^alter/i],
  [/^(?:insgesamt|deutsche|ausländer(?:\(innen\)|innen)?)$/i, /^(?:nationalität|staatsangehörigkeit)/i],
];

/** Reads what every value column holds; `labelRoles` from a mapping when it gives them. */
export function detectLayout(table: GenesisTable, givenLabelRoles?: LabelRole[]): Layout {
  const width = Math.max(...table.headerRows.map((r) => r.length));
  const rows = table.headerRows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim()));
  const kinds = rows.map((r, i) => classify(r, i === rows.length - 1));
  const text = (i: number) => rows[i]?.find(Boolean) ?? '';
  const dimensionLabels = new Map<string, string>();
  const unnamed: Array<{ values: string[]; rename: (id: string) => void }> = [];
  const labelRoles = [...(givenLabelRoles ?? detectLabelRoles(table))];
  // A label column of measures ("Veräußerungsfälle von Bauland", "Kaufsumme", …): every header row is a breakdown.
  const measureColumn = labelRoles.indexOf('indicator');
  const rowMeasures = measureColumn < 0 ? undefined : [...new Set(table.rows.map((r) => (r.labels[measureColumn] ?? '').trim()))];

  // 2. The measure(s). A heading is the measure when the title names it as what is counted (before "nach"),
  // or when no row of categories follows it.
  const fromTitle = titleMeasure(table.titleLines);
  const units = distinct(rows.filter((_, i) => kinds[i] === 'unit').flat());
  const subjectText = withoutParentheticals(table.titleLines.join(' ').split(/\s+nach\s+/)[0] ?? '');
  const subject = new Set(subjectText.split(/[\s,:;/]+/).map(slug));
  const filler = (i: number) => FILLER.test(text(i));
  const headingMeasure = !rowMeasures && !fromTitle && units.size <= 1
    ? kinds.findIndex((k, i) => k === 'heading' && !filler(i) && kinds[i + 1] !== 'period' && !kinds.slice(0, i).includes('values') &&
        (measureWords(text(i)).head.every((w) => subject.has(w)) || kinds[i + 1] !== 'values' || (isSexRow(rows[i + 1]!) && slug(text(i)) !== 'geschlecht')))
    : -1;
  // A heading names the dimension of the row below it (unless it is the measure, or a filler such as "davon").
  const namesDimension = (i: number) =>
    i !== headingMeasure && kinds[i] === 'heading' && kinds[i + 1] === 'values' && !filler(i) && !isPeriod(text(i)) && (!isSexRow(rows[i + 1]!) || slug(text(i)) === 'geschlecht');
  let measureRow = headingMeasure;
  if (measureRow < 0 && !rowMeasures && !(fromTitle && units.size <= 1)) {
    measureRow = rows.findIndex((r, i) => kinds[i] === 'values' && distinct(r).size >= 2 && kinds[i - 1] !== 'heading' && !isSexRow(r));
  }
  const heading = kinds.findIndex((k, i) => k === 'heading' && !filler(i) && kinds[i + 1] !== 'period' && !namesDimension(i));
  const firstTitle = (table.titleLines[0] ?? '').split(/\s+-\s/)[0]!.replace(/[\s:;,-]+$/, '');
  const single = rowMeasures ? '' : (fromTitle?.label ?? (headingMeasure >= 0 ? text(headingMeasure) : heading >= 0 ? text(heading) : firstTitle || table.code));
  // A filler in the measure row ("Davon") continues the measure to its left.
  const measureCells: string[] = [];
  for (let c = 0; c < width; c++) {
    const cell = measureRow >= 0 ? rows[measureRow]![c]! : '';
    measureCells.push(cell && !FILLER.test(cell) ? cell : FILLER.test(cell) && c > 0 ? measureCells[c - 1]! : '');
  }
  const measureOf = (c: number) => measureCells[c] || single;
  const measures: string[] = [];
  for (let c = 0; c < width; c++) if (!measures.includes(measureOf(c))) measures.push(measureOf(c));
  const pool = wordPool([...table.titleLines, ...rows.flat(), ...(rowMeasures ?? [])]);

  // 3. Rows that apply to every column.
  const drafts: Draft[] = [...Array(width).keys()].map((index) => ({ index, measure: measures.indexOf(measureOf(index)), breakdown: [], path: [], fixed: [] }));
  // A constant sub-heading restates its measure when all its words are the measure's ("Bevölkerungsstand" under the title's).
  const restates = (text: string, measure: string) => {
    if (!measure) return false;
    const of = (x: string) => Object.values(measureWords(x, pool)).flat();
    const own = new Set(of(measure));
    return slug(text) === slug(measure) || of(text).every((w) => own.has(w));
  };
  /** What a constant sub-heading is: nothing (filler, total, the period's name, the measure again), a category of a breakdown, or a qualifier. */
  const constantRole = (value: string, measuresHere: string[], namedBy: string | undefined, sexIsBreakdown: boolean):
    | { skip: true } | { dim: string; label: string } | { qualifier: string } => {
    if (FILLER.test(value) || PATH_TOTAL.test(value) || PERIOD_NAME.test(value) || isPeriod(value)) return { skip: true };
    if (namedBy !== undefined) {
      const sex = isSexWord(value);
      return { dim: sex ? 'geschlecht' : slug(namedBy), label: sex && slug(namedBy) !== 'geschlecht' ? 'Geschlecht' : namedBy };
    }
    if (sexIsBreakdown && isSexWord(value)) return { dim: 'geschlecht', label: 'Geschlecht' };
    if (measuresHere.some((m) => restates(value, m))) return { skip: true };
    // A breakdown's name over nothing it names ("Geschlecht" over units) restricts nothing.
    if (DIMENSION_NAME.test(value)) return { skip: true };
    return { qualifier: value };
  };
  /** A heading that names a constant category below it ("Geschlecht" over "weiblich", "Nationalität" over "Ausländer"). */
  const namesConstant = (name: string, value: string | undefined) =>
    value !== undefined && !FILLER.test(name) && (DIMENSION_NAME.test(name) || (slug(name) === 'geschlecht' && isSexWord(value))) && !PATH_TOTAL.test(value) && !FILLER.test(value);
  rows.forEach((cells, i) => {
    if (kinds[i] === 'period') drafts.forEach((d) => cells[d.index] && (d.period = isoPeriod(cells[d.index]!)));
    else if (kinds[i] === 'unit') drafts.forEach((d) => cells[d.index] && (d.unit = cells[d.index]));
  });
  if (fromTitle) drafts.forEach((d) => (d.unit ??= fromTitle.unit));
  const globalRows = rows.map((_, i) => i).filter((i) => (kinds[i] === 'values' || kinds[i] === 'heading') && (measureRow < 0 || i < measureRow));
  for (const i of globalRows) {
    if (kinds[i] === 'heading') {
      // A heading over every column: the measure, a dimension's name, a period's name, a filler, or a subgroup that
      // every column is about ("weiblich", "Ausländer"): never dropped.
      if (i === headingMeasure || namesDimension(i) || filler(i)) continue;
      if (kinds[i + 1] === 'heading' && namesConstant(text(i), text(i + 1))) continue;
      const above = i > 0 && kinds[i - 1] === 'heading' && namesConstant(text(i - 1), text(i)) ? text(i - 1) : undefined;
      const role = constantRole(text(i), measures.filter(Boolean), above, true);
      if ('dim' in role) {
        if (!dimensionLabels.has(role.dim)) dimensionLabels.set(role.dim, role.label);
        drafts.forEach((d) => d.breakdown.push([role.dim, text(i)]));
      } else if ('qualifier' in role) drafts.forEach((d) => d.fixed.push(role.qualifier));
      continue;
    }
    let dim: string;
    if (isSexRow(rows[i]!)) {
      dim = 'geschlecht';
      dimensionLabels.set(dim, slug(text(i - 1)) === 'geschlecht' ? text(i - 1) : 'Geschlecht');
    } else if (i > 0 && namesDimension(i - 1)) {
      dim = slug(text(i - 1));
      dimensionLabels.set(dim, text(i - 1));
    } else {
      dim = `merkmal-${i + 1}`;
      const row = i;
      unnamed.push({ values: rows[i]!, rename: (id) => drafts.forEach((d) => d.breakdown.forEach((b) => b[0] === `merkmal-${row + 1}` && (b[0] = id))) });
    }
    drafts.forEach((d) => d.breakdown.push([dim, rows[i]![d.index]!]));
  }

  // 4. Rows below the measure row (or heading), per measure.
  const subRows = measureRow < 0 ? [] : rows.map((_, i) => i).filter((i) => i > measureRow && (kinds[i] === 'values' || kinds[i] === 'heading'));
  measures.forEach((_, m) => {
    const group = drafts.filter((d) => d.measure === m);
    const cellsOf = (i: number) => group.map((d) => rows[i]![d.index]!);
    for (let k = 0; k < subRows.length; k++) {
      const cells = cellsOf(subRows[k]!);
      const constant = cells.every(Boolean) && distinct(cells).size === 1;
      const below = k + 1 < subRows.length ? cellsOf(subRows[k + 1]!) : undefined;
      const categories = (c: string[]) => new Set(c.map((x) => x || 'Insgesamt')).size;
      if (constant && FILLER.test(cells[0]!)) continue;
      // A heading over the measure's columns names the categories below it only when it is a breakdown's name (or
      // "Geschlecht" over sex words); a subgroup over categories ("Frauen" over age groups) qualifies the measure.
      if (constant && group.length >= 2 && below && categories(below) >= 2 && DIMENSION_NAME.test(cells[0]!)) {
        const sex = isSexRow(below);
        const dim = sex ? 'geschlecht' : slug(cells[0]!);
        dimensionLabels.set(dim, sex && slug(cells[0]!) !== 'geschlecht' ? 'Geschlecht' : cells[0]!);
        group.forEach((d, j) => d.breakdown.push([dim, below[j]!]));
        k++;
      } else if (group.length >= 2 && isSexRow(cells)) {
        if (!dimensionLabels.has('geschlecht')) dimensionLabels.set('geschlecht', 'Geschlecht');
        group.forEach((d, j) => d.breakdown.push(['geschlecht', cells[j]!]));
      } else if (constant && group.length >= 2) {
        // A sub-heading over all of the measure's columns: a subgroup ("Frauen"), or a heading with its one category.
        const next = below && below.every(Boolean) && distinct(below).size === 1 ? below[0] : undefined;
        if (namesConstant(cells[0]!, next)) {
          const role = constantRole(next!, [measures[m]!], cells[0]!, false);
          if ('dim' in role) {
            if (!dimensionLabels.has(role.dim)) dimensionLabels.set(role.dim, role.label);
            group.forEach((d) => d.breakdown.push([role.dim, next!]));
          }
          k++;
          continue;
        }
        const role = constantRole(cells[0]!, [measures[m]!], undefined, false);
        if ('qualifier' in role) group.forEach((d) => d.fixed.push(role.qualifier));
      } else {
        group.forEach((d, j) => cells[j] && !FILLER.test(cells[j]!) && d.path.push(cells[j]!));
      }
    }
  });

  // Sub-headings into ids: every one that is no total and names no breakdown ("Insgesamt" under "Wohngebäude" is
  // "Wohngebäude"; under "Geschlecht" it is the measure itself; "Frauen" over "unter 25 Jahre" is both, as a higher
  // sub-heading is a subgroup that must not be lost), first without "(…)", then with it where columns look alike.
  const candidates = drafts.map((d) => {
    // A breakdown's name counts only above a cell ("Geschlecht" over "weiblich"), never as the lowest one.
    const path = d.path.filter((p, k) => !PATH_TOTAL.test(p) && !(DIMENSION_NAME.test(p) && k < d.path.length - 1));
    const list: Array<{ suffix: string; parts: string[] }> = path.length ? [] : [{ suffix: '', parts: [] }];
    for (const form of path.length ? [subheadingSlug, slug] : []) {
      const suffix = path.map(form).join('-');
      if (list.at(-1)?.suffix !== suffix) list.push({ suffix, parts: path });
    }
    // Constant sub-headings always lead the suffix ("arbeitslose-frauen", "…-frauen-15-bis-unter-25-jahre").
    const fixed = d.fixed.map(subheadingSlug);
    return list.map((x) => ({ suffix: [...fixed, x.suffix].filter(Boolean).join('-'), parts: [...d.fixed, ...x.parts] }));
  });
  const step = drafts.map(() => 0);
  const current = (d: Draft) => candidates[d.index]![step[d.index]!]!;
  for (let round = 0; round < 2 * rows.length + 2; round++) {
    const byKey = new Map<string, Draft[]>();
    for (const d of drafts) {
      const key = `${d.measure}|${current(d).suffix}|${d.unit ?? ''}|${d.period ?? ''}|${breakdownKey(d.breakdown)}`;
      byKey.set(key, [...(byKey.get(key) ?? []), d]);
    }
    let changed = false;
    for (const same of byKey.values()) {
      if (same.length < 2 || new Set(same.map((d) => d.path.join('\u0000'))).size < 2) continue;
      for (const d of same) {
        if (step[d.index]! < candidates[d.index]!.length - 1) {
          step[d.index]!++;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }

  // One measure (and sub-heading) in two units: the unit joins the id.
  const suffixes = drafts.map((d) => current(d).suffix);
  const unitsOf = new Map<string, Set<string>>();
  const keyOf = (i: number) => `${drafts[i]!.measure}|${suffixes[i]}`;
  drafts.forEach((d, i) => unitsOf.set(keyOf(i), (unitsOf.get(keyOf(i)) ?? new Set()).add(d.unit ?? '')));
  const qualifiers = drafts.map((d) => current(d).parts.join(', '));
  const split = drafts.map((d, i) => unitsOf.get(keyOf(i))!.size > 1 && !!d.unit);
  drafts.forEach((d, i) => {
    if (!split[i]) return;
    suffixes[i] = [suffixes[i], slug(d.unit!)].filter(Boolean).join('-');
  });
  const unitNote = (i: number) => (split[i] ? ` (${drafts[i]!.unit})` : '');

  // Measure ids: the short head; measures whose indicators would share an id are told apart (genesis-ids.ts).
  const suffixSets = measures.map((_, m) => new Set(suffixes.filter((_, i) => drafts[i]!.measure === m)));
  const clash = (a: number, b: number) => [...suffixSets[a]!].some((x) => suffixSets[b]!.has(x));
  const counts = measures.map((_, m) => drafts.filter((d) => d.measure === m).length);
  const ids = rowMeasures ? [''] : measureIds(measures.map((label, i) => ({ label, columns: counts[i]! })), pool, clash);
  const full = drafts.map((d, i) => [ids[d.measure]!, suffixes[i]].filter(Boolean).join('-'));
  const label = (measure: string, qualifier: string) => [measure, qualifier].filter(Boolean).join(': ');

  // Capped ids, unless capping would make two indicators one; indicators that still share an id are numbered.
  const finalIds = (keys: string[], ofKey: (key: string) => string) => {
    const distinctKeys = [...new Set(keys)];
    const long = distinctKeys.map(ofKey);
    const short = uniqueIds(long);
    return new Map(distinctKeys.map((k, i) => [k, short[i]!]));
  };
  const columnKeys = drafts.map((_, i) => keyOf(i) + (split[i] ? `|${drafts[i]!.unit}` : ''));
  const fullOfKey = new Map(columnKeys.map((k, i) => [k, full[i]!]));
  const cappedOf = finalIds(columnKeys, (k) => fullOfKey.get(k)!);
  let rowIndicators: Layout['rowIndicators'];
  if (rowMeasures) {
    const rowIds = measureIds(rowMeasures.map((m) => ({ label: m, columns: 1 })), pool);
    const combos = rowMeasures.flatMap((_, r) => columnKeys.map((k) => `${r}|${k}`));
    const combined = finalIds(combos, (k) => {
      const [r, ...rest] = k.split('|');
      return [rowIds[Number(r)]!, fullOfKey.get(rest.join('|'))!].filter(Boolean).join('-');
    });
    rowIndicators = new Map(
      rowMeasures.map((m, r) => [m, columnKeys.map((k, i) => ({ id: combined.get(`${r}|${k}`)!, label: label(m, qualifiers[i]!) + unitNote(i) }))]),
    );
  }

  // Columns that nothing tells apart would give one observation twice.
  const seen = new Map<string, number>();
  const columns = drafts.map((d, i): PlannedColumn => {
    const key = `${columnKeys[i]}|${d.period ?? ''}|${breakdownKey(d.breakdown)}`;
    const twin = seen.get(key);
    if (twin !== undefined) {
      throw new AdapterError({
        de: `die Wertspalten ${table.labelColumns + twin + 1} und ${table.labelColumns + d.index + 1} lassen sich an den Kopfzeilen nicht unterscheiden: bitte eine Zuordnung (--mapping) angeben`,
        en: `value columns ${table.labelColumns + twin + 1} and ${table.labelColumns + d.index + 1} cannot be told apart by the header rows: pass a mapping (--mapping)`,
      });
    }
    seen.set(key, d.index);
    const indicator = cappedOf.get(columnKeys[i]!)!;
    return { index: d.index, indicator, label: label(measures[d.measure]!, qualifiers[i]!) + unitNote(i), ...(d.period ? { period: d.period } : {}), ...(d.unit ? { unit: d.unit } : {}), breakdown: d.breakdown };
  });

  // Label columns; a dimension nothing names takes the title's "nach …" name when exactly one is left.
  if (!givenLabelRoles) {
    labelRoles.forEach((role, c) => {
      if (role === 'dimension:geschlecht' && drafts.some((d) => d.breakdown.some(([dim]) => dim === 'geschlecht'))) labelRoles[c] = `dimension:merkmal-l${c + 1}`;
      if (labelRoles[c]!.startsWith('dimension:merkmal-')) {
        unnamed.push({ values: table.rows.slice(0, 500).map((r) => (r.labels[c] ?? '').trim()), rename: (id) => (labelRoles[c] = `dimension:${id}`) });
      }
    });
  }
  const used = new Set([...dimensionLabels.keys(), ...labelRoles.filter((r) => r.startsWith('dimension:')).map((r) => r.slice(10))]);
  const heads = new Set([...measures, ...(rowMeasures ?? [])].filter(Boolean).map((m) => measureWords(m).head.join('-')));
  const names = titleDimensions(table.titleLines).filter((n) => !used.has(slug(n)) && !heads.has(slug(n)));
  const name = (u: (typeof unnamed)[number], n: string) => {
    u.rename(slug(n));
    dimensionLabels.set(slug(n), n);
    unnamed.splice(unnamed.indexOf(u), 1);
    names.splice(names.indexOf(n), 1);
  };
  // By content where it is clear (ages → "Alter…", Deutsche/Ausländer → "Nationalität"), then one left for one.
  for (const [content, title] of CONTENT_NAMES) {
    const u = unnamed.filter((x) => x.values.filter(Boolean).length && x.values.filter(Boolean).every((v) => content.test(v)));
    const n = names.filter((x) => title.test(x));
    if (u.length === 1 && n.length === 1) name(u[0]!, n[0]!);
  }
  if (unnamed.length === 1 && names.length === 1) name(unnamed[0]!, names[0]!);
  return { labelRoles, columns, dimensionLabels, ...(rowIndicators ? { rowIndicators } : {}) };
}
