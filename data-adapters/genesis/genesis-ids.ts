/**
 * Short, readable indicator ids from the measure names a GENESIS table publishes.
 *
 * - The id is the slug of the label's head: parentheticals dropped, abbreviations written out where the table
 *   itself has the full word ("Pflegebedürft." → "Pflegebedürftige"), cut at the first qualifier word or
 *   punctuation ("Arbeitslosenquote bez. auf alle zivile Erwerbsp." → `arbeitslosenquote`, "Schüler(innen) an
 *   allgemein bildenden Schulen" → `schueler`, "Durchschnittsalter der Bevölkerung" → `durchschnittsalter`).
 * - When measures shorten to the same id and their indicators would share an id, the one with the most columns
 *   keeps it and the others add the first significant word no other of them has ("… bez. abh. zivile
 *   Erwerbspers." → `arbeitslosenquote-abh`; "Betriebe insgesamt" → `betriebe-insgesamt`; "(Wohnort)" → `-wohnort`).
 * - Ids are capped at 40 characters at a word boundary (longer only where that would make two ids one). Labels
 *   always stay the full published text.
 */
import { slug } from '../common.js';

/** Words that end a measure's head: prepositions, articles, conjunctions and GENESIS abbreviations of them. */
const QUALIFIERS = new Set(
  [
    'bez.', 'bzgl.', 'der', 'des', 'die', 'dem', 'den', 'd.', 'nach', 'an', 'am', 'im', 'in', 'je', 'pro', 'mit', 'für', 'f.', 'von', 'vom', 'v.',
    'zu', 'zum', 'zur', 'und', 'u.', 'sowie', 'auf', 'aus', 'bei', 'beim', 'über', 'unter', 'ohne', 'gegen', 'bis', 'ab', 'seit', 'einschl.',
    'einschließlich', 'ausschl.', 'darunter', 'davon', 'dar.', 'insgesamt', 'alle', 'aller', 'allen', 'als', 'ggü.', 'gegenüber', 'zw.', 'oder',
    '-', '–', '/',
  ].map((w) => w.toLowerCase()),
);

/** Heads that say nothing alone. */
const GENERIC = new Set(['zahl', 'anzahl', 'gesamtzahl', 'summe', 'menge', 'wert', 'betrag', 'bestand']);

/** A prefix that says a column is shown for information only ("nachrichtlich: teilstationäre Pflege"). */
const PREFIX = /^(?:nachrichtlich|nachr\.|darunter|dar\.|davon)\s*:\s*/i;

/** Drops "(…)" parts: "Schüler(innen)" → "Schüler", "Beschäftigte (Arbeitsort)" → "Beschäftigte". */
export const withoutParentheticals = (text: string): string => {
  let s = text;
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(/\s*\([^()]*\)/g, '');
  }
  return s.replace(/\s+/g, ' ').trim();
};

interface Token {
  word: string;
  /** Punctuation (",", ";", ":") right after the word: the head ends there. */
  stop: boolean;
}

function tokens(label: string): Token[] {
  const text = withoutParentheticals(label.replace(PREFIX, ''))
    // "Pflegebedürft.d.Pflegeheime" → "Pflegebedürft. d. Pflegeheime"
    .replace(/\.(?=\p{L})/gu, '. ');
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => {
      const m = /^(.*?)([,;:]+)$/.exec(t);
      return m ? { word: m[1]!, stop: true } : { word: t, stop: false };
    })
    .filter((t) => t.word !== '' || t.stop);
}

/** Full words of a table (title lines and header cells), to write out abbreviations such as "Pflegebed.". */
export function wordPool(texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const w of withoutParentheticals(text).split(/[\s,;:/()]+/)) {
      if (/^\p{L}[\p{L}-]{3,}$/u.test(w)) words.add(w);
    }
  }
  return [...words];
}

/** "Pflegebed." → "Pflegebedürftige" when the table has exactly that longer word (the shortest such word). */
function expand(word: string, pool: string[]): string {
  if (!/^\p{L}{3,}\.$/u.test(word) || QUALIFIERS.has(word.toLowerCase())) return word;
  const stem = slug(word);
  const full = pool.filter((w) => slug(w).startsWith(stem) && slug(w).length > stem.length).sort((a, b) => a.length - b.length)[0];
  return full ?? word;
}

export interface MeasureWords {
  /** Slugs of the head's words ("arbeitslosenquote"). */
  head: string[];
  /** Slugs of the significant words after the head, in order ("abh", "zivile", "erwerbspers"). */
  rest: string[];
}

/** The head and the further significant words of a measure label. */
export function measureWords(label: string, pool: string[] = []): MeasureWords {
  const list = tokens(label).map((t) => ({ ...t, word: expand(t.word, pool) }));
  const head: string[] = [];
  let i = 0;
  while (i < list.length && QUALIFIERS.has(list[i]!.word.toLowerCase())) i++;
  for (; i < list.length; i++) {
    const t = list[i]!;
    if (head.length && QUALIFIERS.has(t.word.toLowerCase())) break;
    if (t.word) head.push(slug(t.word));
    if (t.stop) {
      i++;
      break;
    }
  }
  // Further words: function words dropped, "insgesamt" kept; words in parentheses last ("… (Wohnort)").
  const inParentheses = [...label.matchAll(/(?:^|\s)\(([^()]+)\)/g)].flatMap((m) => tokens(m[1]!)).map((t) => ({ ...t, word: expand(t.word, pool) }));
  const rest = [...list.slice(i), ...inParentheses]
    .filter((t) => t.word && (!QUALIFIERS.has(t.word.toLowerCase()) || t.word.toLowerCase() === 'insgesamt'))
    .map((t) => slug(t.word))
    .filter((w) => w !== 'x' && !head.includes(w));
  // "Zahl der Gemeinden": a generic head takes the next word ("zahl-gemeinden").
  if (head.length === 1 && GENERIC.has(head[0]!) && rest.length) head.push(rest.shift()!);
  return { head: head.length ? head : [slug(label)], rest: [...new Set(rest)] };
}

/** The id part of a sub-heading ("Ausländer(innen)" → "auslaender", "11. Jahrgangsstufe / Einführungsphase" → "11-jahrgangsstufe"). */
export function subheadingSlug(text: string): string {
  const s = withoutParentheticals(text).split(/\s+\/\s+|[,;]/)[0]!;
  return slug(s || text);
}

/** Caps an id at `max` characters at a word boundary, keeping at least its first two words. */
export function capId(id: string, max = 40): string {
  if (id.length <= max) return id;
  const words = id.split('-');
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max && out.split('-').length >= 2) break;
    out = next;
  }
  // Not ending on a joining word ("…-ab-65-jahren-und" → "…-ab-65-jahren").
  const words2 = out.split('-');
  while (words2.length > 2 && QUALIFIERS.has(words2.at(-1)!) && words2.at(-1) !== 'insgesamt') words2.pop();
  return words2.join('-');
}

export interface Measure {
  /** The published label ("Arbeitslosenquote bez. auf alle zivile Erwerbsp."). */
  label: string;
  /** How many value columns it has (the one with most keeps a shared short id). */
  columns: number;
}

/**
 * Ids for a table's measures, in their order: the short head, extended where several share it and `clash` says
 * their indicators would share an id; such measures without any distinguishing word get "-2", "-3", ….
 */
export function measureIds(measures: Measure[], pool: string[] = [], clash: (a: number, b: number) => boolean = () => true): string[] {
  const words = measures.map((m) => measureWords(m.label, pool));
  const ids = words.map((w) => w.head.join('-'));
  const byHead = new Map<string, number[]>();
  ids.forEach((id, i) => byHead.set(id, [...(byHead.get(id) ?? []), i]));
  for (const [head, all] of byHead) {
    // Only measures whose indicators would otherwise share an id need telling apart.
    const members = all.filter((i) => all.some((j) => j !== i && clash(i, j)));
    if (members.length < 2) continue;
    // The measure with most columns keeps the short id; on a tie, the total ("Unfälle insgesamt"), if one.
    const most = Math.max(...members.map((i) => measures[i]!.columns));
    const winners = members.filter((i) => measures[i]!.columns === most);
    const totals = winners.filter((i) => words[i]!.rest.every((w) => w === 'insgesamt'));
    const keeper = winners.length === 1 ? winners[0] : totals.length === 1 ? totals[0] : undefined;
    for (const i of members) {
      if (i === keeper || words[i]!.rest.length === 0) continue;
      const others = members.filter((j) => j !== i).flatMap((j) => words[j]!.rest);
      const distinct = words[i]!.rest.find((w) => !others.includes(w)) ?? words[i]!.rest[0]!;
      ids[i] = `${head}-${distinct}`;
    }
  }
  // Still shared (no distinguishing word): all significant words, then a number.
  const shared = (i: number) => ids.some((x, j) => j !== i && x === ids[i] && clash(i, j));
  const extended = ids.map((id, i) => (shared(i) && words[i]!.rest.length ? [...words[i]!.head, ...words[i]!.rest].join('-') : id));
  return extended.map((id, i) => {
    const before = extended.filter((x, j) => j < i && x === id && clash(i, j)).length;
    return before ? `${id}-${before + 1}` : id;
  });
}

const CAPS = [40, 48, 56, 64];

/**
 * Capped ids, each at the shortest cap (40, 48, 56, 64 characters, else in full) that no other id can shorten to;
 * ids that are the same in full get "-2", "-3", ….
 */
export function uniqueIds(full: string[]): string[] {
  const forms = full.map((id) => new Set([...CAPS.map((c) => capId(id, c)), id]));
  const out = full.map((id, i) => {
    const taken = (form: string) => full.some((other, j) => j !== i && other !== id && forms[j]!.has(form));
    return CAPS.map((c) => capId(id, c)).find((form) => !taken(form)) ?? id;
  });
  const seen = new Map<string, number>();
  return out.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}
