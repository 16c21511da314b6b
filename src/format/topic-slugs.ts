/** The topics' URL slugs (attribute and hash values), without texts: the catalogue code reads them too. */
import { TOPICS } from './vocabulary.js';
import type { Topic } from './types.js';

export const TOPIC_SLUGS: Record<Topic, string> = {
  Bevölkerung: 'bevoelkerung',
  'Gesundheit und Pflege': 'gesundheit-pflege',
  Bildung: 'bildung',
  'Arbeitsmarkt und Wirtschaft': 'arbeitsmarkt-wirtschaft',
  'Soziale Lage': 'soziale-lage',
  Digitalisierung: 'digitalisierung',
  Strukturwandel: 'strukturwandel',
};

/** The `topic` value that shows every topic on one page. */
export const ALL_TOPICS = 'alle';

/** "arbeitsmarkt-wirtschaft", "Arbeitsmarkt und Wirtschaft" or "alle"/"all" → the topic(s); undefined when unknown. */
export function parseTopic(value: string | undefined): Topic | typeof ALL_TOPICS | undefined {
  const v = (value ?? '').trim();
  if (!v) return undefined;
  if (v === ALL_TOPICS || v === 'all') return ALL_TOPICS;
  return TOPICS.find((t) => t === v || TOPIC_SLUGS[t] === v.toLowerCase());
}
