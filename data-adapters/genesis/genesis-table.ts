/**
 * Reads a classic GENESIS / Regionalstatistik table export ("GENESIS-Tabelle:
 * 12411-01-01-4"): title lines, one or more column-header rows, label columns
 * (period, region key, indented name, attributes), value cells, and the footer
 * after "__________" with notes, "©" line and "Stand". The result keeps every
 * string as published; turning it into kreisdossier observations is the
 * mapping step's job.
 */
import { parse } from 'csv-parse/sync';
import { AdapterError, csvErrorReason } from '../adapter-error.js';
import { decode, type Encoding } from '../decode.js';
import { checkRowCount, MAX_ROWS } from '../limits.js';

export interface GenesisRow {
  /** 1-based line number in the file, for messages. */
  line: number;
  /** Label cells (period, key, name, attributes) as published, names untrimmed. */
  labels: string[];
  /** Value cells as published. */
  cells: string[];
  /** The block label in force (e.g. "2015" of a "2015;;;" line), if the table has blocks. */
  block?: string;
}

export interface GenesisTable {
  code: string;
  encoding: Encoding;
  /** Lines between the code line and the column headers ("Bevölkerungsstand: …", "regionale Tiefe: …"). */
  titleLines: string[];
  /** Column-header rows, each with one cell per value column. */
  headerRows: string[][];
  /** How many label columns precede the values. */
  labelColumns: number;
  rows: GenesisRow[];
  /** Footer notes as published (without the "©" and "Stand" lines). */
  notes: string[];
  /** "© Statistische Ämter des Bundes und der Länder, Deutschland, 2017." */
  copyright?: string;
  /** "Stand" as an ISO date. */
  stand?: string;
}

const NOT_GENESIS = {
  de: 'keine GENESIS-Tabelle: die erste Zeile muss „GENESIS-Tabelle: <Code>“ lauten',
  en: 'not a GENESIS table export: the first line must be "GENESIS-Tabelle: <code>"',
};
const CODE_LINE = /^GENESIS-Tabelle:\s*(\S+)/;
const FOOTER_START = /^_{5,}/;
const BLOCK_LABEL = /^(?:\d{4}(?:\/\d{2})?|\d{2}\.\d{2}\.\d{4})$/;
const STAND = /^Stand:\s*(\d{2})\.(\d{2})\.(\d{4})/;

const filled = (cells: string[]) => cells.filter((c) => c.trim() !== '').length;
const leadingEmpty = (cells: string[]) => {
  const i = cells.findIndex((c) => c.trim() !== '');
  return i === -1 ? cells.length : i;
};

export function readGenesisTable(bytes: Uint8Array, options: { encoding?: Encoding } = {}): GenesisTable {
  const { text, encoding } = decode(bytes, options.encoding);
  if (!CODE_LINE.test(text.trimStart())) {
    throw new AdapterError(NOT_GENESIS, 1);
  }
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter: ';', relax_column_count: true, info: true, skip_empty_lines: false, to: MAX_ROWS + 1 }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number; line?: number };
    throw new AdapterError(csvErrorReason(e), e.lines ?? e.line);
  }
  checkRowCount(records.length, records.at(-1)?.info.lines);

  const first = records[0]?.record[0] ?? '';
  const code = CODE_LINE.exec(first)?.[1];
  if (!code) throw new AdapterError(NOT_GENESIS, 1);

  const footerAt = records.findIndex((r) => FOOTER_START.test(r.record[0] ?? ''));
  if (footerAt === -1) throw new AdapterError({ de: 'keine Fußzeile „__________“: die Datei ist offenbar abgeschnitten', en: 'no footer line "__________": the file looks truncated' }, records.at(-1)?.info.lines);
  const body = records.slice(1, footerAt);

  // Header rows have empty leading cells and values further right; they end at the first data row.
  const titleLines: string[] = [];
  const headerRows: string[][] = [];
  let block: string | undefined;
  let i = 0;
  for (; i < body.length; i++) {
    const cells = body[i]!.record;
    const only = filled(cells) === 1 && cells[0]!.trim() !== '';
    if (only && BLOCK_LABEL.test(cells[0]!.trim())) block = cells[0]!.trim();
    else if (only) titleLines.push(cells[0]!.trim());
    else if (cells[0]!.trim() === '' && filled(cells) > 0) headerRows.push(cells);
    else if (filled(cells) > 0) break;
  }
  if (headerRows.length === 0) throw new AdapterError({ de: 'vor den Daten wurden keine Kopfzeilen gefunden', en: 'no column header rows found before the data' }, body[i]?.info.lines);
  const labelColumns = Math.min(...headerRows.map(leadingEmpty));
  if (labelColumns < 2) throw new AdapterError({ de: 'unbekannter Aufbau: weniger als zwei Vorspalten (Regionalschlüssel und Name)', en: 'unknown layout: fewer than two label columns (region key and name)' }, body[i]?.info.lines);

  const rows: GenesisRow[] = [];
  for (; i < body.length; i++) {
    const { record: cells, info } = body[i]!;
    if (filled(cells) === 0) continue;
    if (filled(cells) === 1 && BLOCK_LABEL.test(cells[0]!.trim())) {
      block = cells[0]!.trim();
      continue;
    }
    rows.push({
      line: info.lines,
      labels: cells.slice(0, labelColumns),
      cells: cells.slice(labelColumns),
      ...(block ? { block } : {}),
    });
  }
  if (rows.length === 0) throw new AdapterError({ de: 'die Tabelle hat keine Datenzeilen', en: 'the table has no data rows' }, records[footerAt]!.info.lines);

  const notes: string[] = [];
  let copyright: string | undefined;
  let stand: string | undefined;
  for (const { record } of records.slice(footerAt + 1)) {
    const line = record.join(';').trim();
    if (!line) continue;
    const standMatch = STAND.exec(line);
    if (standMatch) stand = `${standMatch[3]}-${standMatch[2]}-${standMatch[1]}`;
    else if (line.startsWith('©')) copyright = line.split('\n')[0]!.trim();
    else notes.push(line);
  }

  return {
    code,
    encoding,
    titleLines,
    headerRows: headerRows.map((h) => h.slice(labelColumns)),
    labelColumns,
    rows,
    notes,
    ...(copyright ? { copyright } : {}),
    ...(stand ? { stand } : {}),
  };
}
