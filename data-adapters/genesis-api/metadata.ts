/**
 * `metadata/table` → what a kreisdossier file needs to say about the table: title, period range,
 * "Stand", attribution and licence, and the table's regional variables. Only what the service says is
 * taken; whatever it leaves out stays undefined and is asked for (MissingCollector), never made up.
 *
 * German answers give dates as "31.12.1995" and "31.03.2025 11:18:07h", English ones as ISO dates
 * ("1995-12-31", "2025-03-31 11:18:07h"); yearly tables give years ("2004").
 */
import { isObject, isoPeriod } from '../common.js';

export interface TableFacts {
  code: string;
  /** Object.Content, line breaks as spaces. */
  title?: string;
  /** Object.Time.From/To as given, and their years. */
  time?: { from: string; to: string };
  fromYear?: number;
  toYear?: number;
  /** Object.Updated as given, and as an ISO date ("Stand"). */
  updated?: string;
  referenceDate?: string;
  /** The Copyright text as given (kept for provenance). */
  copyright?: string;
  /** Its attribution line: the sentences before the licence sentence, without the final full stop. */
  attribution?: string;
  /** The Copyright names the Datenlizenz Deutschland – Namensnennung – 2.0. */
  dlDeBy20: boolean;
  /** Regional variables the table is broken down by (KREISE, GEMEIN, DLAND, …), in order of appearance. */
  regionVariables: string[];
}

const REGION_VARIABLES = new Set(['DINSG', 'DLAND', 'REGBEZ', 'KREISE', 'GEMEIN']);

/** "31.12.1995", "1995-12-31", "2004" (also "2015/16") → the first year. */
export function yearOf(raw: string): number | undefined {
  const m = /(?:^|\D)(\d{4})(?:\D|$)/.exec(raw.trim());
  return m ? Number(m[1]) : undefined;
}

/** "31.03.2025 11:18:07h" or "2025-03-31 11:18:07h" → "2025-03-31" (the date part, read as the adapters read dates). */
export function isoDateOf(raw: string): string | undefined {
  const date = isoPeriod(raw.trim().split(/\s+/)[0] ?? '');
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

/** Datenlizenz Deutschland – Namensnennung – Version 2.0, in German or English wording. */
export function namesDlDeBy20(copyright: string): boolean {
  const s = copyright.replace(/\s+/g, ' ');
  return /(Datenlizenz Deutschland|Data licen[cs]e Germany)\s*[-–]\s*(Namensnennung|attribution)\s*[-–]\s*(Version|version)\s*2\.0/i.test(s) || /dl-de\/by-2-0/i.test(s);
}

/**
 * "© Statistische Ämter …, 2026.\nDieses Werk ist lizenziert unter …" → "© Statistische Ämter …, 2026".
 * The attribution is what comes before the licence sentence ("Dieses Werk …", "This work …").
 */
export function attributionOf(copyright: string): string | undefined {
  const text = copyright.replace(/\s*\n\s*/g, ' ').trim();
  const licence = /\s*\b(Dieses Werk|This work)\b/i.exec(text);
  const line = (licence ? text.slice(0, licence.index) : text).trim().replace(/\.$/, '').trim();
  return line || undefined;
}

function regionVariablesOf(structure: unknown, found: string[] = []): string[] {
  if (Array.isArray(structure)) {
    for (const item of structure) regionVariablesOf(item, found);
  } else if (isObject(structure)) {
    const code = typeof structure.Code === 'string' ? structure.Code.trim() : '';
    if (REGION_VARIABLES.has(code) && !found.includes(code)) found.push(code);
    for (const key of ['Head', 'Columns', 'Rows', 'Subtitel', 'Subheading', 'Structure']) regionVariablesOf(structure[key], found);
  }
  return found;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The facts of a `metadata/table` answer (its JSON body). */
export function tableFacts(json: Record<string, unknown>, code: string): TableFacts {
  const object = isObject(json.Object) ? json.Object : {};
  const time = isObject(object.Time) ? object.Time : {};
  const from = text(time.From)?.trim();
  const to = text(time.To)?.trim();
  const title = text(object.Content)?.replace(/\s*\n\s*/g, ' ').trim();
  const updated = text(object.Updated)?.trim();
  const copyright = text(json.Copyright);
  const facts: TableFacts = { code, dlDeBy20: copyright ? namesDlDeBy20(copyright) : false, regionVariables: regionVariablesOf(object.Structure) };
  if (title) facts.title = title;
  if (from && to) {
    facts.time = { from, to };
    const [fy, ty] = [yearOf(from), yearOf(to)];
    if (fy !== undefined) facts.fromYear = fy;
    if (ty !== undefined) facts.toYear = ty;
  }
  if (updated) {
    facts.updated = updated;
    const iso = isoDateOf(updated);
    if (iso) facts.referenceDate = iso;
  }
  if (copyright) {
    facts.copyright = copyright;
    const attribution = attributionOf(copyright);
    if (attribution) facts.attribution = attribution;
  }
  return facts;
}
