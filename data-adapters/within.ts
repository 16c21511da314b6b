/**
 * `--within KEY`: keep the regions below an official key (e.g. 15 = Sachsen-Anhalt,
 * 15085 = Landkreis Harz) and the regions above it for comparison (the Land,
 * Deutschland). Everything else is counted as skipped, not silently lost.
 * `fetch --region A B` keeps what lies within any of several keys, counted under its own reason.
 */
import type { Reason } from './adapter-error.js';
import { MESSAGES } from './messages.js';
import type { ImportResult } from './types.js';

export function keepWithin(result: ImportResult, keys: string | string[], reason?: Reason): ImportResult {
  const list = typeof keys === 'string' ? [keys] : keys;
  const inside = (k: string) => list.some((key) => k.startsWith(key) || (k === 'DG' ? true : key.startsWith(k)));
  const { document: doc, summary } = result;
  const observations = doc.observations.filter((o) => inside(o.region));
  const removed = doc.observations.length - observations.length;
  const removedNulls: Record<string, number> = {};
  for (const o of doc.observations) if (!inside(o.region) && o.value === null && o.status) removedNulls[o.status] = (removedNulls[o.status] ?? 0) + 1;
  for (const [s, n] of Object.entries(removedNulls)) {
    summary.nullsByStatus[s] = (summary.nullsByStatus[s] ?? 0) - n;
    if (summary.nullsByStatus[s] === 0) delete summary.nullsByStatus[s];
  }
  summary.observationsWritten -= removed;
  if (removed) summary.skipped.push({ reason: reason ?? MESSAGES['cli.skip.outside-within'](list.join(', ')), count: removed });
  return { summary, document: { ...doc, regions: doc.regions.filter((r) => inside(r.key)), observations } };
}
