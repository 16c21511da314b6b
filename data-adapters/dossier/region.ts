/**
 * The region a dossier is made for: a Kreis (with --gemeinden also the pages of its Gemeinden) or a single
 * Gemeinde. Catalogues name Deutschland, the Länder and the Kreise inline and the Gemeinden in region files,
 * so a Gemeinde is looked up there. A key the catalogue lacks is answered with the keys it has nearby.
 */
import type { Catalogue, CatalogueRegion } from '../../src/format/catalogue-schema.js';
import { levelOfKey, regionFilesFor, regionIndex } from '../../src/format/catalogue-select.js';
import type { Region } from '../../src/format/types.js';
import { REGION_KEY_PATTERN } from '../../src/format/vocabulary.js';
import { CliError, t, type Lang } from '../cli-shared.js';
import { sourcePath } from './layout.js';
import { readDocumentFile } from './source.js';

export interface Target {
  key: string;
  level: 'Kreis' | 'Gemeinde';
  name: string;
  /** The Kreis: the region itself, or the Gemeinde's Kreis. */
  kreis: CatalogueRegion;
  /** The Kreis's Gemeinden, from the catalogue's region files (empty when it lists none). */
  gemeinden: Region[];
}

/** GENESIS names carry the type after a comma ("Harz, Landkreis", "Halle (Saale), Kreisfreie Stadt"): name and type apart. */
export function nameAndType(region: { name: string; type?: string }): { name: string; type?: string } {
  const m = /^(.+), (Landkreis|Kreis|Kreisfreie Stadt|Stadtkreis|Regionalverband|Städteregion)$/.exec(region.name);
  if (m) return { name: m[1]!, type: region.type ?? m[2]! };
  return region.type ? { name: region.name, type: region.type } : { name: region.name };
}

/** "Landkreis Harz", "Cottbus" (a kreisfreie Stadt goes by its name), or the name alone. */
export function proseName(region: { name: string; type?: string }): string {
  const { name, type = '' } = nameAndType(region);
  if (!type || /stadt|stadtkreis/i.test(type) || name.toLowerCase().startsWith(type.toLowerCase())) return name;
  return `${type} ${name}`;
}

const listed = (regions: Array<{ key: string; name: string }>) => regions.map((r) => `${r.key} ${r.name}`).join(', ');

/** The regions nearest to a key by number (same length), at most `count`. */
function nearest<R extends { key: string }>(key: string, regions: readonly R[], count = 6): R[] {
  return [...regions].sort((a, b) => Math.abs(Number(a.key) - Number(key)) - Math.abs(Number(b.key) - Number(key)) || a.key.localeCompare(b.key)).slice(0, count).sort((a, b) => a.key.localeCompare(b.key));
}

/** Names compared without case and accents ("gottingen" finds Göttingen). */
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The Gemeinden the catalogue's region files list under a Kreis. */
export function gemeindenOf(catalogue: Catalogue, folder: string, kreis: string, lang: Lang): Region[] {
  const found = new Map<string, Region>();
  for (const file of regionFilesFor(catalogue, 'Gemeinde', kreis)) {
    for (const r of readDocumentFile(sourcePath(folder, file.url, lang), lang).regions) {
      if (r.level === 'Gemeinde' && r.key.startsWith(kreis)) found.set(r.key, r);
    }
  }
  return [...found.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function resolveTarget(catalogue: Catalogue, folder: string, raw: string, gemeinden: boolean, lang: Lang): Target {
  const key = raw.trim();
  const index = regionIndex(catalogue);
  const kreise = catalogue.regions.filter((r) => r.level === 'Kreis');
  if (!REGION_KEY_PATTERN.test(key)) {
    const matches = kreise.filter((r) => plain(r.name).includes(plain(key))).slice(0, 8);
    throw new CliError(
      `--region ${key}: ` +
        t(lang, 'erwartet wird ein amtlicher Regionalschlüssel, 5 Ziffern für einen Kreis (z. B. 15085) oder 8 für eine Gemeinde', 'expected an official region key, 5 digits for a Kreis (e.g. 15085) or 8 for a Gemeinde') +
        (matches.length ? t(lang, `. Gemeint ist vielleicht: ${listed(matches)}`, `. Perhaps you mean: ${listed(matches)}`) : ''),
    );
  }
  const level = levelOfKey(key);
  if (level !== 'Kreis' && level !== 'Gemeinde') {
    const name = index.get(key)?.name;
    throw new CliError(
      `--region ${key}${name ? ` (${name})` : ''}: ` +
        t(
          lang,
          `ein Dossier gibt es für einen Kreis (5 Ziffern) oder eine Gemeinde (8 Ziffern), nicht für die Ebene ${level}`,
          `a dossier is made for a Kreis (5 digits) or a Gemeinde (8 digits), not for the level ${level}`,
        ) +
        (level === 'Land' || level === 'Regierungsbezirk' ? t(lang, `. Kreise darin: ${listed(kreise.filter((r) => r.key.startsWith(key)).slice(0, 8))} …`, `. Kreise in it: ${listed(kreise.filter((r) => r.key.startsWith(key)).slice(0, 8))} …`) : ''),
    );
  }
  const kreisKey = key.slice(0, 5);
  const kreis = index.get(kreisKey);
  if (!kreis || kreis.level !== 'Kreis') throw unknownKreis(catalogue, kreisKey, key, lang);
  if (level === 'Kreis') return { key, level, name: proseName(kreis), kreis, gemeinden: gemeindenOf(catalogue, folder, key, lang) };

  if (gemeinden) {
    throw new CliError(
      t(
        lang,
        `--gemeinden gilt für einen Kreis: Für die Gemeinde ${key} entsteht ohne --gemeinden ihr eigenes Dossier; für den Kreis mit allen seinen Gemeinden: --region ${kreisKey} --gemeinden`,
        `--gemeinden is for a Kreis: without --gemeinden the Gemeinde ${key} gets a dossier of its own; for the Kreis with all its Gemeinden: --region ${kreisKey} --gemeinden`,
      ),
    );
  }
  const all = gemeindenOf(catalogue, folder, kreisKey, lang);
  const gemeinde = all.find((r) => r.key === key);
  if (!gemeinde) {
    const change = catalogue.regionChanges.find((c) => c.key === key);
    if (change) throw dissolved(catalogue, change, lang);
    throw new CliError(
      `--region ${key}: ` +
        (all.length
          ? t(
              lang,
              `diese Gemeinde kennt der Katalog nicht. Im Kreis ${kreisKey} ${kreis.name} hat er ${all.length} Gemeinden, die nächsten: ${listed(nearest(key, all))}`,
              `the catalogue does not know this Gemeinde. It has ${all.length} Gemeinden in the Kreis ${kreisKey} ${kreis.name}, the nearest: ${listed(nearest(key, all))}`,
            )
          : t(
              lang,
              `der Katalog nennt keine Gemeinden im Kreis ${kreisKey} ${kreis.name} (keine Datei in regionFiles); ein Dossier des Kreises: --region ${kreisKey}`,
              `the catalogue names no Gemeinden in the Kreis ${kreisKey} ${kreis.name} (no file in regionFiles); a dossier of the Kreis: --region ${kreisKey}`,
            )),
    );
  }
  return { key, level, name: gemeinde.name, kreis, gemeinden: all };
}

function dissolved(catalogue: Catalogue, change: Catalogue['regionChanges'][number], lang: Lang): CliError {
  const index = regionIndex(catalogue);
  const successors = (change.successors ?? []).map((k) => ({ key: k, name: index.get(k)?.name ?? k }));
  const note = typeof change.note === 'string' ? change.note : (change.note[lang] ?? change.note.de);
  return new CliError(
    `--region ${change.key} (${change.name}): ` +
      t(lang, `diese Region gibt es${change.date ? ` seit ${change.date}` : ''} nicht mehr. ${note}`, `this region no longer exists${change.date ? ` (since ${change.date})` : ''}. ${note}`) +
      (successors.length ? t(lang, ` Heute: ${listed(successors)}`, ` Today: ${listed(successors)}`) : ''),
  );
}

function unknownKreis(catalogue: Catalogue, kreisKey: string, key: string, lang: Lang): CliError {
  const change = catalogue.regionChanges.find((c) => c.key === kreisKey);
  if (change) return dissolved(catalogue, change, lang);
  const index = regionIndex(catalogue);
  const kreise = catalogue.regions.filter((r) => r.level === 'Kreis');
  const land = index.get(kreisKey.slice(0, 2));
  const inLand = kreise.filter((r) => r.key.startsWith(kreisKey.slice(0, 2)));
  const what = key === kreisKey ? t(lang, 'diesen Kreis', 'this Kreis') : t(lang, `den Kreis ${kreisKey} dieser Gemeinde`, `the Kreis ${kreisKey} of this Gemeinde`);
  if (inLand.length) {
    return new CliError(
      `--region ${key}: ` +
        t(
          lang,
          `${what} kennt der Katalog nicht. In ${land?.name ?? kreisKey.slice(0, 2)} hat er ${inLand.length} Kreise, die nächsten: ${listed(nearest(kreisKey, inLand))}`,
          `the catalogue does not know ${what}. It has ${inLand.length} Kreise in ${land?.name ?? kreisKey.slice(0, 2)}, the nearest: ${listed(nearest(kreisKey, inLand))}`,
        ),
    );
  }
  const lands = [...new Set(kreise.map((r) => r.key.slice(0, 2)))].sort().map((k) => ({ key: k, name: index.get(k)?.name ?? k }));
  return new CliError(
    `--region ${key}: ` +
      (lands.length
        ? t(lang, `${what} kennt der Katalog nicht; er hat Kreise in: ${listed(lands)}`, `the catalogue does not know ${what}; it has Kreise in: ${listed(lands)}`)
        : t(lang, `${what} kennt der Katalog nicht; er nennt keinen Kreis`, `the catalogue does not know ${what}; it names no Kreis`)),
  );
}
