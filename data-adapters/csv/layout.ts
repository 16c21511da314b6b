/**
 * Which column plays which role: from the mapping, else by common column
 * names. Long shape: one value column (plus status, indicator, unit). Wide
 * shape: one value column per indicator. Columns no role takes are reported,
 * so that the summary can count their cells as not imported.
 */
import { IDENTIFIER_PATTERN } from '../../src/format/schema.js';
import { AdapterError, type Reason } from '../adapter-error.js';
import { slug } from '../common.js';
import { recognise, type CsvMapping, type Role } from './mapping.js';

export type ColumnRef = { column: number } | { fixed: string };

export interface Layout {
  region: number;
  regionName?: number;
  period: ColumnRef;
  shape: 'long' | 'wide';
  /** Long shape. */
  value?: number;
  status?: number;
  unit?: number;
  indicator?: ColumnRef;
  /** Both shapes: dimension id → column. */
  breakdown: Array<{ dimension: string; column: number }>;
  /** Wide shape: value column → indicator id and its label as published. */
  values: Array<{ column: number; indicator: string; label: string }>;
  unused: number[];
}

function checkId(id: string, what: Reason): string {
  if (!IDENTIFIER_PATTERN.test(id)) {
    throw new AdapterError({
      de: `Zuordnung: ${what.de} „${id}“ ist keine gültige Kennung (Buchstaben, Ziffern, „.“, „_“, „-“)`,
      en: `mapping: ${what.en} "${id}" is not an identifier (letters, digits, ".", "_", "-")`,
    });
  }
  return id;
}

export function resolveLayout(header: readonly string[], mapping: CsvMapping, defaultIndicator?: string): Layout {
  const taken = new Set<number>();
  const column = (name: string, field: string): number => {
    let matches = header.flatMap((h, i) => (h === name ? [i] : []));
    if (matches.length === 0) matches = header.flatMap((h, i) => (h.trim() === name.trim() ? [i] : []));
    if (matches.length === 0) throw new AdapterError({ de: `die Spalte „${name}“ (Zuordnung "${field}") fehlt in der Kopfzeile`, en: `column "${name}" (mapping "${field}") is not in the header` }, 1);
    if (matches.length > 1) throw new AdapterError({ de: `die Kopfzeile hat ${matches.length} Spalten namens „${name}“`, en: `the header has ${matches.length} columns named "${name}"` }, 1);
    taken.add(matches[0]!);
    return matches[0]!;
  };
  const find = (role: Role, named?: string): number | undefined => {
    if (named !== undefined) return column(named, role);
    const i = recognise(header, role, taken);
    if (i !== undefined) taken.add(i);
    return i;
  };
  const ref = (role: 'period' | 'indicator', given: CsvMapping['period']): ColumnRef | undefined => {
    if (typeof given === 'object') return { fixed: given.fixed };
    const i = find(role, given);
    return i === undefined ? undefined : { column: i };
  };

  const region = find('region', mapping.region);
  if (region === undefined) {
    throw new AdapterError(
      {
        de: 'keine Spalte mit Regionalschlüsseln (ags, ars, key, region, regionalschluessel): bitte in der Zuordnung angeben, "region": "<Spalte>"',
        en: 'no region column (ags, ars, key, region, regionalschluessel): name it in the mapping, "region": "<column>"',
      },
      1,
    );
  }
  const regionName = find('regionName', mapping.regionName);
  const period = ref('period', mapping.period);
  if (!period) {
    throw new AdapterError(
      {
        de: 'keine Spalte mit dem Zeitraum (period, year, jahr, stichtag, time): bitte in der Zuordnung angeben, "period": "<Spalte>" oder {"fixed": "2018-12-31"}',
        en: 'no period column (period, year, jahr, stichtag, time): name it in the mapping, "period": "<column>" or {"fixed": "2018-12-31"}',
      },
      1,
    );
  }
  const breakdown = Object.entries(mapping.breakdown ?? {}).map(([dimension, name]) => ({
    dimension: checkId(dimension, { de: 'Merkmal', en: 'dimension' }),
    column: column(name, `breakdown.${dimension}`),
  }));

  const base = { region, ...(regionName !== undefined ? { regionName } : {}), period, breakdown };
  const unusedOf = () => header.flatMap((_, i) => (taken.has(i) ? [] : [i]));

  if (mapping.values || (mapping.value === undefined && recognise(header, 'value', taken) === undefined)) {
    for (const key of ['status', 'unit', 'indicator'] as const) {
      if (mapping[key] !== undefined) {
        throw new AdapterError({
          de: `Zuordnung: "${key}" gehört zur langen Form; die breite Form ("values") hat eine Spalte je Indikator`,
          en: `mapping: "${key}" belongs to the long shape; the wide shape ("values") has one column per indicator`,
        });
      }
    }
    const entries = mapping.values
      ? Object.entries(mapping.values).map(([name, id]) => ({ column: column(name, `values.${name}`), indicator: checkId(id, { de: 'Indikator', en: 'indicator id' }), label: name.trim() || id }))
      : unusedOf().map((i) => ({ column: i, indicator: slug(header[i]!), label: header[i]!.trim() || slug(header[i]!) }));
    entries.forEach((e) => taken.add(e.column));
    if (entries.length === 0) {
      throw new AdapterError(
        { de: 'keine Wertspalten: bitte in der Zuordnung angeben, "values": {"<Spalte>": "<Kennung des Indikators>"}', en: 'no value columns: name them in the mapping, "values": {"<column>": "<indicator id>"}' },
        1,
      );
    }
    const ids = entries.map((e) => e.indicator);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) {
      throw new AdapterError(
        { de: `zwei Wertspalten ergeben den Indikator „${twice}“: bitte in "values" verschiedenen Kennungen zuordnen`, en: `two value columns become indicator "${twice}": map them to different ids in "values"` },
        1,
      );
    }
    return { ...base, shape: 'wide', values: entries, unused: unusedOf() };
  }

  const value = find('value', mapping.value)!;
  const status = find('status', mapping.status);
  const unit = find('unit', mapping.unit);
  let indicator = ref('indicator', mapping.indicator);
  if (!indicator && defaultIndicator) indicator = { fixed: defaultIndicator };
  if (!indicator) {
    throw new AdapterError(
      {
        de: 'keine Spalte mit Indikatoren: bitte in der Zuordnung angeben ("indicator": "<Spalte>" oder {"fixed": "<Kennung>"}) oder --indicator angeben',
        en: 'no indicator column: name it in the mapping ("indicator": "<column>" or {"fixed": "<id>"}) or pass --indicator',
      },
      1,
    );
  }
  if ('fixed' in indicator) checkId(indicator.fixed, { de: 'Indikator', en: 'indicator id' });
  return {
    ...base,
    shape: 'long',
    value,
    ...(status !== undefined ? { status } : {}),
    ...(unit !== undefined ? { unit } : {}),
    indicator,
    values: [],
    unused: unusedOf(),
  };
}
