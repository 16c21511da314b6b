/**
 * `--region-names FILE`: some sources (the Breitbandatlas) carry keys but no
 * names. Names are then taken from another file keyed by the same official
 * keys: a kreisdossier file, or GeoJSON/TopoJSON with `ags` and `name`
 * properties (e.g. the BKG boundaries). Only regions named by their bare key
 * are renamed; names the source gives are never replaced.
 */
import { AdapterError } from './adapter-error.js';
import { readJsonFile } from './limits.js';
import type { ImportResult } from './types.js';

type Props = { ags?: unknown; name?: unknown };

function namesFrom(file: string): Map<string, string> {
  let json = readJsonFile(file, '--region-names') as Record<string, any>;
  if (typeof json !== 'object' || json === null) json = {};
  const names = new Map<string, string>();
  const add = (p: Props | undefined) => {
    if (p && typeof p.ags === 'string' && typeof p.name === 'string') names.set(p.ags, p.name);
  };
  const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
  if (Array.isArray(json.regions)) for (const r of json.regions) add(r && { ags: r.key, name: r.name });
  else if (json.type === 'FeatureCollection') for (const f of list(json.features)) add(f?.properties);
  else if (json.type === 'Topology') for (const o of Object.values<any>(json.objects ?? {})) for (const g of list(o?.geometries)) add(g?.properties);
  if (names.size === 0) {
    throw new AdapterError({
      de: `${file} enthält keine Namen zu Regionalschlüsseln (erwartet: kreisdossier-Datei oder GeoJSON/TopoJSON mit „ags“ und „name“)`,
      en: `${file} holds no names for region keys (expected a kreisdossier file or GeoJSON/TopoJSON with "ags" and "name")`,
    });
  }
  return names;
}

export function nameRegions(result: ImportResult, file: string): ImportResult {
  const names = namesFrom(file);
  const regions = result.document.regions.map((r) => (r.name === r.key && names.has(r.key) ? { ...r, name: names.get(r.key)! } : r));
  return { ...result, document: { ...result.document, regions } };
}
