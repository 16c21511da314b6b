/**
 * Dataset metadata of a flat file. The file itself names only the statistic
 * (code and label); attribution and "Stand" are not in it and must come from
 * options (or, in legacy downloads, from a footer).
 */
import type { Dataset, Source } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import { DL_DE_BY_2_0, REGIONALSTATISTIK, slug } from '../common.js';
import type { MissingCollector } from '../missing-metadata.js';
import type { ImportOptions } from '../types.js';

export { DL_DE_BY_2_0, REGIONALSTATISTIK } from '../common.js';
export const DESTATIS = 'Statistisches Bundesamt (Destatis)';

/** GENESIS-Online (Destatis) table codes look like 12211-0001; Regionaldatenbank ones like 12411-01-01-4 or AI-N-01-2-5. */
const GENESIS_ONLINE_TABLE = /^\d{5}-\d{4}$/;

export interface FileFacts {
  /** Statistic code → label, in order of appearance. */
  statistics: Map<string, string>;
  /** From a legacy footer, if it had them. */
  footerAttribution?: string;
  footerReferenceDate?: string;
  extensions: Record<string, unknown>;
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as Partial<T>;

/** Notes the dataset facts neither options nor the file give, for the one message that lists every missing flag. */
export function noteMissingDatasetFacts(options: ImportOptions, facts: Pick<FileFacts, 'footerAttribution' | 'footerReferenceDate'>, missing: MissingCollector): void {
  if (!(options.dataset?.attribution ?? facts.footerAttribution)) {
    missing.add('--attribution', '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026', {
      de: 'die Quelle hat keinen Quellenvermerk (©-Zeile); bei einem Abruf über den Webservice steht er in den Metadaten',
      en: 'the source has no attribution line (© line); a download through the web service has it in the metadata',
    });
  }
  if (!(options.dataset?.referenceDate ?? facts.footerReferenceDate)) {
    missing.add('--reference-date', '2025-03-31', { de: 'die Quelle nennt keinen Stand (JJJJ-MM-TT)', en: 'the source states no "Stand" (YYYY-MM-DD)' });
  }
}

/** Attribution and reference date, or an AdapterError naming the flag to pass. */
export function requiredDatasetFacts(options: ImportOptions, facts?: Pick<FileFacts, 'footerAttribution' | 'footerReferenceDate'>) {
  const attribution = options.dataset?.attribution ?? facts?.footerAttribution;
  if (!attribution) throw new AdapterError({ de: 'die Quelle hat keinen Quellenvermerk: bitte --attribution angeben', en: 'the source has no attribution line: pass --attribution' });
  const referenceDate = options.dataset?.referenceDate ?? facts?.footerReferenceDate;
  if (!referenceDate) throw new AdapterError({ de: 'die Quelle hat keinen Stichtag („Stand“): bitte --reference-date angeben', en: 'the source has no reference date ("Stand"): pass --reference-date' });
  return { attribution, referenceDate };
}

function defaultSource(tableCode: string | undefined, attribution: string): Source {
  const byDestatis =
    (tableCode !== undefined && GENESIS_ONLINE_TABLE.test(tableCode)) ||
    (/Statistisches Bundesamt|Destatis/.test(attribution) && !/Statistische Ämter/.test(attribution));
  const publisher = byDestatis ? DESTATIS : REGIONALSTATISTIK;
  if (!tableCode) return { publisher };
  const host = byDestatis ? 'https://www-genesis.destatis.de' : 'https://www.regionalstatistik.de';
  return { publisher, table: tableCode, url: `${host}/genesis/online?operation=table&code=${encodeURIComponent(tableCode)}` };
}

export function ffcsvDataset(options: ImportOptions & { tableCode?: string }, facts: FileFacts): Dataset {
  const { attribution, referenceDate } = requiredDatasetFacts(options, facts);
  const [firstCode, firstLabel] = [...facts.statistics][0] ?? [];
  const id = options.tableCode ?? (firstCode ? `genesis-${firstCode}` : 'genesis-ffcsv');
  return {
    id: slug(id),
    title: firstLabel || options.tableCode || 'GENESIS',
    sources: [defaultSource(options.tableCode, attribution)],
    license: DL_DE_BY_2_0,
    attribution,
    referenceDate,
    extensions: facts.extensions,
    ...defined(options.dataset ?? {}),
  };
}
