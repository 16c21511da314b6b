/**
 * `kreisdossier merge`: several documents into one. Contradictions (the same
 * observation with another value or status, an indicator with another unit,
 * a region with another level) are reported, never overwritten. Documents
 * under different licences are not merged: pages can load them side by side.
 */
import { observationKey } from '../src/format/observation-key.js';
import type { KreisdossierDocument, Observation } from '../src/format/types.js';
import type { Reason } from './adapter-error.js';
import { MESSAGES } from './messages.js';

export interface MergeConflict {
  file: string;
  path: string;
  /** In German and English: the CLI prints the user's language. */
  reason: Reason;
}

export interface MergeResult {
  document?: KreisdossierDocument;
  conflicts: MergeConflict[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeDocuments(inputs: ReadonlyArray<{ file: string; document: KreisdossierDocument }>): MergeResult {
  const conflicts: MergeConflict[] = [];
  const [first, ...rest] = inputs;
  if (!first) return { conflicts: [{ file: '', path: '$', reason: MESSAGES['cli.merge.no-files']() }] };
  const out: KreisdossierDocument = structuredClone(first.document);
  out.dimensions ??= [];
  out.statusSymbols ??= {};
  const observations = new Map<string, Observation>(out.observations.map((o) => [observationKey(o), o]));

  for (const { file, document: doc } of rest) {
    if (!same(doc.dataset.license, out.dataset.license)) {
      conflicts.push({ file, path: '$.dataset.license', reason: MESSAGES['cli.merge.licence'](doc.dataset.license.id, out.dataset.license.id) });
      continue;
    }
    for (const line of doc.dataset.attribution.split('; ')) {
      if (!out.dataset.attribution.split('; ').includes(line)) out.dataset.attribution += `; ${line}`;
    }
    for (const s of doc.dataset.sources) if (!out.dataset.sources.some((x) => same(x, s))) out.dataset.sources.push(s);
    if (doc.dataset.referenceDate > out.dataset.referenceDate) out.dataset.referenceDate = doc.dataset.referenceDate;

    doc.regions.forEach((r, i) => {
      const known = out.regions.find((x) => x.key === r.key);
      if (!known) out.regions.push(r);
      else if (known.level !== r.level || (known.parent && r.parent && known.parent !== r.parent)) {
        conflicts.push({ file, path: `$.regions[${i}]`, reason: MESSAGES['cli.merge.region'](r.key, `${r.level}/${r.parent ?? '–'}`, `${known.level}/${known.parent ?? '–'}`) });
      }
    });
    (doc.dimensions ?? []).forEach((d) => {
      const known = out.dimensions!.find((x) => x.id === d.id);
      if (!known) out.dimensions!.push(d);
      else for (const c of d.categories) if (!known.categories.some((x) => x.id === c.id)) known.categories.push(c);
    });
    doc.indicators.forEach((x, i) => {
      const known = out.indicators.find((k) => k.id === x.id);
      if (!known) out.indicators.push(x);
      else if (!same([known.unit, known.decimals, known.kind, known.dimensions ?? []], [x.unit, x.decimals, x.kind, x.dimensions ?? []])) {
        conflicts.push({ file, path: `$.indicators[${i}]`, reason: MESSAGES['cli.merge.indicator'](x.id) });
      }
    });
    for (const [symbol, def] of Object.entries(doc.statusSymbols ?? {})) {
      const known = out.statusSymbols![symbol];
      if (known && !same(known, def)) conflicts.push({ file, path: `$.statusSymbols["${symbol}"]`, reason: MESSAGES['cli.merge.status-symbol'](symbol) });
      else out.statusSymbols![symbol] = def;
    }
    doc.observations.forEach((o, i) => {
      const key = observationKey(o);
      const known = observations.get(key);
      if (!known) observations.set(key, o);
      else if (known.value !== o.value || known.status !== o.status) {
        conflicts.push({
          file,
          path: `$.observations[${i}]`,
          reason: MESSAGES['cli.merge.observation'](`${o.indicator} ${o.region} ${o.period}`, String(o.value ?? o.status), String(known.value ?? known.status)),
        });
      }
    });
  }

  out.observations = [...observations.values()];
  if (out.dimensions.length === 0) delete out.dimensions;
  if (Object.keys(out.statusSymbols).length === 0) delete out.statusSymbols;
  return conflicts.length ? { conflicts } : { document: out, conflicts };
}
