/**
 * Reads back a JSON-stat file written by `exportJsonStat`: the document's
 * metadata comes from `extension.kreisdossier`, its observations from the
 * cube (so values edited in the cube are what is imported). The result is
 * validated here, because the extension is untrusted input like the rest.
 */
import { validateDocument } from '../../src/format/validate.js';
import type { KreisdossierInput, LocalizedText, Observation } from '../../src/format/types.js';
import { AdapterError, type Reason } from '../adapter-error.js';
import { isObject } from '../common.js';
import { MESSAGES } from '../messages.js';
import { count, emptySummary, skip, type ImportOptions, type ImportResult } from '../types.js';
import { own, type Cube, type CubeDimension, type Json } from './jsonstat-read.js';
import { NOT_BROKEN_DOWN, NO_VALUE_SYMBOL } from './jsonstat-types.js';

/** `extension.kreisdossier` of a dataset, if it has one. */
export function kreisdossierExtensionOf(cube: Cube): unknown {
  const extension = own(cube.raw, 'extension');
  return isObject(extension) ? own(extension, 'kreisdossier') : undefined;
}

const NOT_EXPORT: Reason = {
  de: 'extension.kreisdossier entspricht nicht dem, was kreisdossier export schreibt',
  en: 'extension.kreisdossier is not what kreisdossier export writes',
};
/** NOT_EXPORT followed by the particular problem. */
const notExport = (de: string, en: string): Reason => ({ de: `${NOT_EXPORT.de}: ${de}`, en: `${NOT_EXPORT.en}: ${en}` });

export function importFromExtension(cube: Cube, extension: unknown, options: ImportOptions): ImportResult {
  if (!isObject(extension) || !isObject(own(extension, 'document'))) throw new AdapterError(notExport('„document“ fehlt', 'it has no "document"'));
  const meta = own(extension, 'document') as Json;
  const footnotes = isObject(own(extension, 'footnotes')) ? (own(extension, 'footnotes') as Json) : {};
  const noValue = new Set(numbers(own(extension, 'noValueInSource')));

  const role = (kind: 'metric' | 'geo' | 'time', id: string): number => {
    const name = cube.role[kind][0] ?? id;
    const k = cube.dimensions.findIndex((d) => d.id === name);
    if (k < 0) throw new AdapterError(notExport(`der Datenwürfel hat keine Dimension mit der Rolle ${kind}`, `the cube has no ${kind} dimension`));
    return k;
  };
  const [mi, gi, ti] = [role('metric', 'indicator'), role('geo', 'region'), role('time', 'period')];
  if (new Set([mi, gi, ti]).size !== 3) throw new AdapterError(notExport('eine Dimension hat zwei Rollen', 'one dimension has two roles'));
  const breakdowns = cube.dimensions.map((d, k) => [d, k] as const).filter(([, k]) => k !== mi && k !== gi && k !== ti);
  const indicatorDims = new Map<string, string[]>();
  for (const x of Array.isArray(own(meta, 'indicators')) ? (own(meta, 'indicators') as unknown[]) : []) {
    if (isObject(x) && typeof own(x, 'id') === 'string') {
      const dims = own(x, 'dimensions');
      indicatorDims.set(own(x, 'id') as string, Array.isArray(dims) ? dims.filter((d): d is string => typeof d === 'string') : []);
    }
  }

  const summary = emptySummary();
  summary.rowsRead = cube.length;
  const byPosition = new Map<number, Observation>();
  const positions = [...new Set([...cube.positions(), ...[...noValue].filter((p) => p < cube.length)])].sort((a, b) => a - b);
  skip(summary, MESSAGES['cli.skip.jsonstat-sparse'](), undefined, cube.length - positions.length);
  for (const p of positions) {
    const c = cube.coordinates(p);
    const category = (d: CubeDimension, k: number) => d.categories[c[k]!]!.id;
    const raw = cube.value(p);
    const given = cube.status(p);
    const empty = (raw === null || raw === undefined) && given === undefined;
    if (empty && !noValue.has(p)) {
      skip(summary, MESSAGES['cli.skip.jsonstat-empty-cell']());
      continue;
    }
    if (raw !== null && raw !== undefined && !(typeof raw === 'number' && Number.isFinite(raw))) {
      const shown = JSON.stringify(raw).slice(0, 40);
      throw new AdapterError({ de: `der Wert des Feldes ${p} ist ${shown}: als Werte sind nur Zahlen und null zulässig`, en: `the value of cell ${p} is ${shown}: only numbers and null are values` });
    }
    const indicator = category(cube.dimensions[mi]!, mi);
    const dims = indicatorDims.get(indicator) ?? [];
    const breakdown: Record<string, string> = {};
    for (const [d, k] of breakdowns) {
      const cat = category(d, k);
      if (dims.includes(d.id) === (cat === NOT_BROKEN_DOWN)) {
        throw new AdapterError({
          de: `das Feld ${p} (${indicator}, ${d.id} ${cat}) passt nicht zur Gliederung des Indikators „${indicator}“`,
          en: `cell ${p} (${indicator}, ${d.id} ${cat}) does not fit the dimensions of indicator "${indicator}"`,
        });
      }
      if (dims.includes(d.id)) breakdown[d.id] = cat;
    }
    const value = (raw ?? null) as number | null;
    const status = given ?? (empty ? NO_VALUE_SYMBOL : undefined);
    const footnote = own(footnotes, String(p)) as LocalizedText | undefined;
    byPosition.set(p, {
      indicator,
      region: category(cube.dimensions[gi]!, gi),
      period: category(cube.dimensions[ti]!, ti),
      ...(Object.keys(breakdown).length ? { breakdown } : {}),
      value,
      ...(status !== undefined ? { status } : {}),
      ...(footnote !== undefined ? { footnote } : {}),
    });
    count(summary, value, status);
  }

  // The document's own order first, then any cell it does not name.
  const ordered = numbers(own(extension, 'order')).flatMap((p) => {
    const o = byPosition.get(p);
    byPosition.delete(p);
    return o ? [o] : [];
  });
  const document = {
    ...meta,
    dataset: { ...(isObject(own(meta, 'dataset')) ? (own(meta, 'dataset') as Json) : {}), ...options.dataset },
    observations: [...ordered, ...byPosition.values()],
  } as KreisdossierInput;
  const checked = validateDocument(document);
  if (!checked.valid) {
    const more = checked.problems.length > 3 ? '; …' : '';
    const problems = (lang: keyof Reason) => checked.problems.slice(0, 3).map((x) => `${x.path}: ${x.message[lang]}`).join('; ') + more;
    throw new AdapterError(notExport(problems('de'), problems('en')));
  }
  return { document, summary };
}

function numbers(v: unknown): number[] {
  return Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x) && x >= 0) : [];
}
