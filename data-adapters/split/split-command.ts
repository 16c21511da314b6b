/**
 * `kreisdossier split FILE… --by land|regierungsbezirk|kreis|auto [--max-kb N] [--only-below LEVEL] -o DIR`:
 * kreisdossier data files into parts by region key prefix (see split.ts for the rule). Every part of every file is
 * validated before anything is written; each file is written whole or not at all.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REGION_LEVELS } from '../../src/format/vocabulary.js';
import { validateDocument } from '../../src/format/validate.js';
import type { RegionLevel } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import { CliError, t, writeAtomically, type Io, type Lang, type Values } from '../cli-shared.js';
import { readDocument } from '../read-document.js';
import { DEFAULT_MAX_KB, SPLIT_HELP } from './split-help.js';
import { LEVEL_RANK, SPLIT_BY, splitDocument, type SplitBy, type SplitPart, type SplitResult } from './split.js';


const LEVEL_NAMES: Record<string, RegionLevel> = Object.fromEntries(REGION_LEVELS.map((l) => [l.toLowerCase(), l]));

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function runSplit({ files, values, io, lang }: { files: string[]; values: Values; io: Io; lang: Lang }): number {
  const help = SPLIT_HELP[lang === 'en' ? 1 : 0];
  const by = values.by as SplitBy | undefined;
  if (files.length === 0 || !values.output) throw new CliError(help);
  if (!by || !SPLIT_BY.includes(by)) {
    throw new CliError(t(lang, `--by: erwartet wird land, regierungsbezirk, kreis oder auto`, `--by: expected land, regierungsbezirk, kreis or auto`) + (by ? ` („${by}“)` : ''));
  }
  let maxGzipBytes: number | undefined;
  if (values['max-kb'] !== undefined) {
    const n = Number(values['max-kb']);
    if (!Number.isFinite(n) || n <= 0) throw new CliError(t(lang, `--max-kb ${values['max-kb']}: erwartet wird eine Zahl größer als 0`, `--max-kb ${values['max-kb']}: expected a number above 0`));
    maxGzipBytes = Math.round(n * 1000);
  } else if (by === 'auto') maxGzipBytes = DEFAULT_MAX_KB * 1000;
  let onlyBelow: RegionLevel | undefined;
  if (values['only-below'] !== undefined) {
    onlyBelow = LEVEL_NAMES[values['only-below'].toLowerCase()];
    if (!onlyBelow || onlyBelow === 'Gemeinde') {
      throw new CliError(
        t(lang, `--only-below ${values['only-below']}: erwartet wird bund, land, regierungsbezirk, kreis oder gemeindeverband`, `--only-below ${values['only-below']}: expected bund, land, regierungsbezirk, kreis or gemeindeverband`),
      );
    }
  }

  // Everything is split and validated first: one bad part (or two inputs with one name) writes nothing.
  const dir = values.output;
  const results: Array<{ file: string; base: string; result: SplitResult }> = [];
  const targets = new Map<string, string>();
  for (const file of files) {
    const base = basename(file).replace(/\.json$/i, '');
    let result: SplitResult;
    try {
      result = splitDocument(readDocument(file, lang), { by, ...(maxGzipBytes !== undefined ? { maxGzipBytes } : {}), ...(onlyBelow ? { onlyBelow } : {}) });
    } catch (error) {
      if (error instanceof AdapterError) throw new CliError(`${file}: ${error.reason[lang]}`);
      throw error;
    }
    for (const part of result.parts) {
      const target = join(dir, `${base}-${part.name}.json`);
      const other = targets.get(target);
      if (other !== undefined) throw new CliError(t(lang, `${target}: ${other} und ${file} ergäben dieselbe Datei; bitte umbenennen`, `${target}: ${other} and ${file} would write the same file; rename one`));
      targets.set(target, file);
      const check = validateDocument(part.document);
      if (!check.valid) throw new CliError(check.problems.map((p) => `${target}: ${p.path}: ${p.message[lang]}`).join('\n'));
    }
    results.push({ file, base, result });
  }

  mkdirSync(dir, { recursive: true });
  const before = new Set(existsSync(dir) ? readdirSync(dir) : []);
  for (const { file, base, result } of results) {
    for (const part of result.parts) writeAtomically(join(dir, `${base}-${part.name}.json`), part.text, lang);
    printSplitSummary(file, base, result, { by, max: maxGzipBytes, onlyBelow }, io, lang);
    // Parts of an earlier split that this one did not write would be listed beside the new ones by `catalogue`.
    const written = new Set(result.parts.map((p) => `${base}-${p.name}.json`));
    const stale = [...before].filter((name) => name.startsWith(`${base}-`) && name.endsWith('.json') && !written.has(name) && /^-(de|\d{2,5})\.json$/.test(name.slice(base.length)));
    if (stale.length) {
      io.stderr(
        `${file}: ${t(lang, 'Achtung: im Ordner liegen noch Teile einer früheren Teilung, die diese nicht geschrieben hat', 'note: the folder still holds parts of an earlier split that this one did not write')}: ` +
          `${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ` (+${stale.length - 5})` : ''}\n`,
      );
    }
  }
  return 0;
}

function printSplitSummary(
  file: string,
  base: string,
  r: SplitResult,
  { by, max, onlyBelow }: { by: SplitBy; max: number | undefined; onlyBelow: RegionLevel | undefined },
  io: Io,
  lang: Lang,
): void {
  const written = r.parts.reduce((n, p) => n + p.document.observations.length, 0);
  const byUnit = (unit: SplitPart['unit']) => r.parts.filter((p) => p.unit === unit).map((p) => p.name);
  const units = (
    [
      ['land', t(lang, 'Land', 'Land')],
      ['regierungsbezirk', t(lang, 'Regierungsbezirk', 'Regierungsbezirk')],
      ['kreis', t(lang, 'Kreis', 'Kreis')],
    ] as const
  )
    .map(([unit, label]) => [label, byUnit(unit)] as const)
    .filter(([, names]) => names.length)
    .map(([label, names]) => `${t(lang, 'nach', 'by')} ${label} ${names.length}`)
    .join(', ');
  const largest = [...r.parts].sort((a, b) => b.gzipBytes - a.gzipBytes)[0]!;
  io.stderr(
    `${file}: ${t(lang, 'Beobachtungen gelesen', 'observations read')} ${r.observationsRead}, ${t(lang, 'geschrieben', 'written')} ${written} ` +
      `${t(lang, 'in', 'in')} ${r.parts.length} ${r.parts.length === 1 ? t(lang, 'Datei', 'file') : t(lang, 'Dateien', 'files')} (${[byUnit('de').length ? `${base}-de` : '', units].filter(Boolean).join('; ')}), ` +
      `${t(lang, 'größte', 'largest')} ${base}-${largest.name}.json ${kb(largest.gzipBytes)} gzip\n`,
  );
  const dropped = Object.entries(r.dropped).sort(([a], [b]) => LEVEL_RANK[a as RegionLevel] - LEVEL_RANK[b as RegionLevel]);
  if (dropped.length) {
    const n = dropped.reduce((sum, [, c]) => sum + c, 0);
    io.stderr(
      `${file}: ${t(lang, 'übersprungen', 'skipped')} ${n}× ${t(lang, `Beobachtungen der Ebene ${onlyBelow} und darüber (--only-below)`, `observations of the level ${onlyBelow} and above (--only-below)`)}: ` +
        `${dropped.map(([level, c]) => `${level} ${c}`).join(', ')}\n`,
    );
  }
  if (r.regionsLeftOut) {
    io.stderr(
      `${file}: ${t(lang, 'nicht übernommen', 'not copied')} ${r.regionsLeftOut}× ${t(lang, 'Regionen ohne Beobachtungen, die kein Teil braucht', 'regions without observations that no part needs')}\n`,
    );
  }
  for (const part of r.tooLarge) {
    io.stderr(
      `${file}: ${t(lang, 'Achtung', 'note')}: ${base}-${part.name}.json ${t(lang, 'ist', 'is')} ${kb(part.gzipBytes)} gzip, ${t(lang, 'mehr als', 'more than')} --max-kb ${kb(max!)}` +
        `${by === 'auto' ? t(lang, ', und lässt sich nicht weiter teilen', ', and cannot be split further') : ''}\n`,
    );
  }
}
