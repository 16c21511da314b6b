/**
 * Topic of a table from its code: the first digits of an official statistic's code name its subject area
 * in the statistics catalogue (EVAS: "12411" → 12 Bevölkerung). Regionalatlas tables ("AI…") carry their
 * theme in the title instead. Only areas whose topic is unambiguous are mapped; for the rest (elections,
 * justice, …) the user is asked (--topic), nothing is guessed.
 */
import type { Topic } from '../src/format/types.js';
import type { Reason } from './adapter-error.js';

export interface SubjectArea {
  /** Two-digit EVAS subject area ("12"), or "AI" for the Regionalatlas. */
  code: string;
  name: Reason;
  topic?: Topic;
}

const AREAS: Record<string, [de: string, en: string, topic?: Topic]> = {
  '11': ['Gebiet', 'Territory', 'Bevölkerung'],
  '12': ['Bevölkerung', 'Population', 'Bevölkerung'],
  '13': ['Erwerbstätigkeit und Arbeitsmarkt', 'Employment and labour market', 'Arbeitsmarkt und Wirtschaft'],
  '14': ['Wahlen', 'Elections'],
  '21': ['Bildung, Forschung und Kultur', 'Education, research and culture', 'Bildung'],
  '22': ['Sozialleistungen', 'Social benefits', 'Soziale Lage'],
  '23': ['Gesundheit', 'Health', 'Gesundheit und Pflege'],
  '24': ['Rechtspflege', 'Administration of justice'],
  '31': ['Bauen und Wohnen', 'Construction and housing', 'Strukturwandel'],
  '32': ['Umwelt', 'Environment', 'Strukturwandel'],
  '33': ['Flächennutzung', 'Land use', 'Strukturwandel'],
  '41': ['Land- und Forstwirtschaft, Fischerei', 'Agriculture, forestry and fishery', 'Arbeitsmarkt und Wirtschaft'],
  '42': ['Produzierendes Gewerbe', 'Manufacturing', 'Arbeitsmarkt und Wirtschaft'],
  '43': ['Produzierendes Gewerbe', 'Manufacturing', 'Arbeitsmarkt und Wirtschaft'],
  '44': ['Produzierendes Gewerbe', 'Manufacturing', 'Arbeitsmarkt und Wirtschaft'],
  '45': ['Handel, Gastgewerbe, Tourismus', 'Trade, hospitality, tourism', 'Arbeitsmarkt und Wirtschaft'],
  '46': ['Verkehr', 'Transport', 'Strukturwandel'],
  '51': ['Außenhandel', 'Foreign trade', 'Arbeitsmarkt und Wirtschaft'],
  '52': ['Unternehmen und Arbeitsstätten', 'Enterprises and local units', 'Arbeitsmarkt und Wirtschaft'],
  '53': ['Handwerk', 'Crafts', 'Arbeitsmarkt und Wirtschaft'],
  '61': ['Preise', 'Prices', 'Soziale Lage'],
  '62': ['Verdienste und Arbeitskosten', 'Earnings and labour costs', 'Soziale Lage'],
  '63': ['Einkommen, Einnahmen und Ausgaben privater Haushalte', 'Income, receipts and expenditure of households', 'Soziale Lage'],
  '71': ['Öffentliche Finanzen', 'Public finance', 'Strukturwandel'],
  '73': ['Steuern', 'Taxes', 'Soziale Lage'],
  '81': ['Volkswirtschaftliche Gesamtrechnungen', 'National accounts', 'Arbeitsmarkt und Wirtschaft'],
  '82': ['Volkswirtschaftliche Gesamtrechnungen der Länder', 'Regional accounts', 'Arbeitsmarkt und Wirtschaft'],
};

/** Finer than the subject area where one area spans two topics: 224 Pflegestatistik is health and care. */
const STATISTICS: Record<string, Topic> = { '224': 'Gesundheit und Pflege' };

/** Regionalatlas themes, read from the table's title ('Themenbereich "Nachhaltigkeit"', "Flächennutzung", …). */
const ATLAS_THEMES: Array<[RegExp, Topic]> = [
  [/Breitband|Digital/i, 'Digitalisierung'],
  [/Pflege|Gesundheit|Ärzt|Krankenh/i, 'Gesundheit und Pflege'],
  [/Bildung|Schul|Kinderbetreuung/i, 'Bildung'],
  [/Einkommen|Sozialleistung|Sozialhilfe|Mindestsicherung|Armut/i, 'Soziale Lage'],
  [/Arbeitsmarkt|Erwerbs|Beschäftig|Wirtschaft|Unternehmen|Tourismus/i, 'Arbeitsmarkt und Wirtschaft'],
  // "Sozialversicherungspflichtig Beschäftigte" is the labour market, not the social situation.
  [/Nachhaltigkeit|Fläche|Umwelt|Verkehr|Bauen|Wohnen|Energie/i, 'Strukturwandel'],
  [/Bevölkerung/i, 'Bevölkerung'],
];

/** The subject area of a table code ("12411-01-01-4", "12211-Z-11", "AI-N-01-2-5") or statistic code ("12411"). */
export function subjectAreaOf(code: string, title = ''): SubjectArea | undefined {
  const c = code.trim();
  if (/^AI/i.test(c)) {
    // "AI-N-…" are the Regionalatlas' sustainability (Nachhaltigkeit) indicators: land use, settlement area.
    // A theme only when the title names exactly one ("Bevölkerungsstand, Fläche, Bevölkerungsdichte" names two: ask).
    const themes = new Set(ATLAS_THEMES.filter(([pattern]) => pattern.test(title)).map(([, topic]) => topic));
    const theme = themes.size === 1 ? [...themes][0] : themes.size === 0 && /^AI-N-/i.test(c) ? 'Strukturwandel' : undefined;
    return { code: 'AI', name: { de: 'Regionalatlas Deutschland', en: 'Regional Atlas of Germany' }, ...(theme ? { topic: theme } : {}) };
  }
  const digits = /^(\d{2})(\d)\d{2}/.exec(c);
  if (!digits) return undefined;
  const area = AREAS[digits[1]!];
  if (!area) return undefined;
  const topic = STATISTICS[digits[1]! + digits[2]!] ?? area[2];
  return { code: digits[1]!, name: { de: area[0], en: area[1] }, ...(topic ? { topic } : {}) };
}

/** The kreisdossier topic of a table, when its subject area says it unambiguously. */
export function topicOfTable(code: string, title?: string): Topic | undefined {
  return subjectAreaOf(code, title)?.topic;
}
