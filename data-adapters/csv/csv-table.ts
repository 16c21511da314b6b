/**
 * A delimited text file as header + rows, with the line every row starts on.
 * Parsing is csv-parse's; this module only detects the delimiter and insists
 * that every row has as many fields as the header.
 */
import { parse } from 'csv-parse/sync';
import { AdapterError, csvErrorReason, type Reason } from '../adapter-error.js';
import { checkRowCount, MAX_ROWS } from '../limits.js';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** 1-based line the row starts on. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: Delimiter;
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
const shown = (d: string): Reason => (d === '\t' ? { de: 'Tabulator', en: 'tab' } : { de: `„${d}“`, en: `"${d}"` });

/** The delimiter from the header line: the one of `,` `;` tab that occurs outside quotes, most often. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked[0]![1] === 0) throw new AdapterError({ de: 'das Trennzeichen lässt sich nicht erkennen: die Kopfzeile enthält weder „,“ noch „;“ noch einen Tabulator', en: 'cannot detect the delimiter: the header line has no ",", ";" or tab' }, 1);
  if (ranked[0]![1] === ranked[1]![1]) {
    const [a, b] = [shown(ranked[0]![0]), shown(ranked[1]![0])];
    throw new AdapterError(
      {
        de: `das Trennzeichen ist nicht eindeutig: ${a.de} und ${b.de} kommen in der Kopfzeile gleich oft vor; bitte "delimiter" in der Zuordnung angeben`,
        en: `cannot tell the delimiter: the header line has as many ${a.en} as ${b.en}; set "delimiter" in the mapping`,
      },
      1,
    );
  }
  return ranked[0]![0];
}

export function readCsvTable(text: string, delimiter: Delimiter = detectDelimiter(text)): CsvTable {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter, relax_column_count: true, info: true, skip_empty_lines: false, to: MAX_ROWS + 1 }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new AdapterError(csvErrorReason(e), e.lines);
  }
  checkRowCount(records.length, records.at(-1)?.info.lines);
  const header = records[0]?.record;
  if (!header || header.every((h) => h.trim() === '')) throw new AdapterError({ de: 'die Datei hat keine Kopfzeile', en: 'the file has no header line' }, 1);
  const rows: CsvRow[] = [];
  let previousEnd = records[0]!.info.lines;
  for (const { record, info } of records.slice(1)) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length === 1 && record[0] === '') continue; // a blank line holds no row
    if (record.length !== header.length) {
      throw new AdapterError(
        {
          de: `die Zeile hat ${record.length} Felder, die Kopfzeile ${header.length} (Trennzeichen ${shown(delimiter).de})`,
          en: `the row has ${record.length} fields, the header ${header.length} (delimiter ${shown(delimiter).en})`,
        },
        line,
      );
    }
    rows.push({ line, cells: record });
  }
  if (rows.length === 0) throw new AdapterError({ de: 'die Datei hat eine Kopfzeile, aber keine Datenzeilen', en: 'the file has a header but no data rows' }, previousEnd);
  return { header, rows, delimiter };
}
