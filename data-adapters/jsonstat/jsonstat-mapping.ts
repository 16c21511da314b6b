/**
 * How the parts of a JSON-stat dataset map to the kreisdossier format:
 * region keys, periods, units, totals, status explanations and the dataset
 * metadata JSON-stat has but the format has no field for.
 */
import { IDENTIFIER_PATTERN, PERIOD_PATTERN, REGION_KEY_PATTERN } from '../../src/format/schema.js';
import type { KreisdossierInput, LocalizedText } from '../../src/format/types.js';
import { isObject, isoPeriod, slug } from '../common.js';
import { own, type Cube, type CubeCategory, type CubeDimension, type Json } from './jsonstat-read.js';
import type { JsonStatUnit } from './jsonstat-types.js';

const TOTAL_LABEL = /^(?:total|insgesamt|gesamt|zusammen)$/i;
/** The format shows at most 6 decimals; more only affects display, values stay as published. */
export const MAX_DECIMALS = 6;

export const nonBlank = (s: unknown): string | undefined => (typeof s === 'string' && /\S/.test(s) ? s : undefined);
export const identifier = (s: string): string => (IDENTIFIER_PATTERN.test(s) ? s : slug(s));
export const text = (t: LocalizedText): string => (typeof t === 'string' ? t : t.de);

/** German official keys only: "DG", or digits of an AGS/ARS length starting with a Land code 01–16. */
export function isGermanKey(key: string): boolean {
  if (key === 'DG') return true;
  if (!REGION_KEY_PATTERN.test(key)) return false;
  const land = Number(key.slice(0, 2));
  return land >= 1 && land <= 16;
}

/** A period as the format writes it, from a category id or label ("2015", "2015M03", "2015Q1", "31.12.2015"). */
export function toPeriod(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  const month = /^(\d{4})M(0[1-9]|1[0-2])$/.exec(s);
  if (month) return `${month[1]}-${month[2]}`;
  const quarter = /^(\d{4})-?Q([1-4])$/.exec(s);
  if (quarter) return `${quarter[1]}-Q${quarter[2]}`;
  const iso = isoPeriod(s);
  return iso !== undefined && PERIOD_PATTERN.test(iso) ? iso : undefined;
}

/** "million" and "$" → "$ million" (symbol first when the source says so). */
export function unitText(unit: JsonStatUnit | undefined): string | undefined {
  const label = nonBlank(unit?.label);
  const symbol = nonBlank(unit?.symbol);
  if (label && symbol && label !== symbol) return unit?.position === 'start' ? `${symbol} ${label}` : `${label} ${symbol}`;
  return label ?? symbol;
}

export function decimalPlaces(v: number): number {
  const s = String(v);
  if (s.includes('e')) return MAX_DECIMALS;
  return s.split('.')[1]?.length ?? 0;
}

/** The category standing for "all": the single root of a child hierarchy, or one labelled total/insgesamt. */
export function totalOf(d: CubeDimension): string | undefined {
  if (d.child) {
    const children = new Set(Object.values(d.child).flat());
    const roots = d.categories.filter((c) => !children.has(c.id));
    if (roots.length === 1 && Object.hasOwn(d.child, roots[0]!.id)) return roots[0]!.id;
  }
  return d.categories.find((c: CubeCategory) => TOTAL_LABEL.test((c.label ?? c.id).trim()))?.id;
}

/** Explanations of status codes a publisher puts in the dataset extension (Eurostat: extension.status.label). */
export function statusExplanations(raw: Json): Record<string, string> {
  const extension = own(raw, 'extension');
  const status = isObject(extension) ? own(extension, 'status') : undefined;
  const label = isObject(status) ? own(status, 'label') : undefined;
  if (!isObject(label)) return {};
  return Object.fromEntries(Object.entries(label).filter(([, v]) => nonBlank(v) !== undefined)) as Record<string, string>;
}

/** JSON-stat "updated" as the "Stand": the collection's, or the one date all its datasets share. */
export function referenceDateOf(top: Json, cubes: Cube[]): string | undefined {
  const dateOf = (v: unknown) => (typeof v === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(v)?.[1] : undefined);
  const stated = dateOf(own(top, 'updated'));
  if (stated) return stated;
  const dates = new Set(cubes.map((c) => dateOf(own(c.raw, 'updated'))));
  return dates.size === 1 ? [...dates][0] : undefined;
}

export function sourceOf(cube: Cube): KreisdossierInput['dataset']['sources'][number] {
  const href = nonBlank(own(cube.raw, 'href'));
  const label = nonBlank(own(cube.raw, 'label'));
  return {
    publisher: own(cube.raw, 'source') as string,
    ...(label ? { title: label } : {}),
    ...(href && /^https?:\/\/\S+$/.test(href) ? { url: href } : {}),
  };
}

export function uniqueJson<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => !seen.has(JSON.stringify(x)) && !!seen.add(JSON.stringify(x)));
}

/** What JSON-stat has and the format has not (href, notes, extension, units, hierarchies …), kept for tools. */
export function extras(raw: Json): Json {
  const { version: _v, class: _c, id: _i, size: _s, dimension, value: _value, status: _status, role: _r, label: _l, source: _src, updated: _u, link, ...rest } = raw;
  const out: Json = { ...rest };
  if (isObject(link) && !Array.isArray(own(link, 'item'))) out.link = link;
  const dims: Json = {};
  if (isObject(dimension)) {
    for (const [id, d] of Object.entries(dimension)) {
      if (!isObject(d)) continue;
      const { label: _dl, category, ...dimRest } = d;
      const { index: _ci, label: _cl, ...catRest } = isObject(category) ? category : {};
      const kept = { ...dimRest, ...(Object.keys(catRest).length ? { category: catRest } : {}) };
      if (Object.keys(kept).length) dims[id] = kept;
    }
  }
  if (Object.keys(dims).length) out.dimension = dims;
  return out;
}
