/**
 * The output folder appears whole or not at all: everything is written to a staging folder beside it and
 * renamed into place at the end. An existing folder is replaced only with --force, and only after the new
 * one is complete (it is moved aside first and put back if the swap fails).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { CliError, fsProblem, t, type Lang } from '../cli-shared.js';

/** Refuses an output folder that has content (without --force), is a file, or holds the data it is made from. */
export function checkOutput(out: string, force: boolean, protect: readonly string[], lang: Lang): void {
  const path = resolve(out);
  for (const p of protect) {
    const rel = relative(path, resolve(p));
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new CliError(t(lang, `-o ${out}: der Ausgabeordner enthält ${p}, woraus das Dossier entsteht; bitte einen anderen Ordner wählen`, `-o ${out}: the output folder contains ${p}, which the dossier is made from; choose another folder`));
    }
  }
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) throw new CliError(t(lang, `-o ${out}: das ist eine Datei, kein Ordner`, `-o ${out}: this is a file, not a folder`));
  if (readdirSync(path).length && !force) {
    throw new CliError(
      t(
        lang,
        `-o ${out}: der Ordner ist nicht leer. Wählen Sie einen neuen Ordner, oder ersetzen Sie ihn mit --force (sein Inhalt geht dabei verloren).`,
        `-o ${out}: the folder is not empty. Choose a new folder, or replace it with --force (its content is then lost).`,
      ),
    );
  }
}

export interface Staged {
  /** Writes a file (path "/"-separated, inside the folder). */
  write(path: string, content: string | Buffer): void;
  /** Moves the staged folder into place. */
  commit(): void;
  /** Removes the staged folder (after a failure, or after commit: nothing left). */
  discard(): void;
}

export function stage(out: string, lang: Lang): Staged {
  const target = resolve(out);
  const parent = dirname(target);
  const cannot = (path: string, error: unknown) =>
    new CliError(`${path}: ${t(lang, 'kann nicht geschrieben werden', 'cannot be written')} (${fsProblem((error as NodeJS.ErrnoException).code ?? String(error), lang)}); ${t(lang, 'nichts geschrieben', 'nothing written')}`);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw cannot(parent, error);
  }
  const staging = join(parent, `.${basename(target)}.${process.pid}.tmp`);
  const aside = join(parent, `.${basename(target)}.${process.pid}.old`);
  rmSync(staging, { recursive: true, force: true });
  return {
    write(path, content) {
      const file = join(staging, ...path.split('/'));
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      } catch (error) {
        throw cannot(join(out, path), error);
      }
    },
    commit() {
      const existing = existsSync(target);
      try {
        if (existing) renameSync(target, aside);
      } catch (error) {
        throw cannot(out, error);
      }
      try {
        renameSync(staging, target);
      } catch (error) {
        if (existing) renameSync(aside, target);
        throw cannot(out, error);
      }
      rmSync(aside, { recursive: true, force: true });
    },
    discard() {
      rmSync(staging, { recursive: true, force: true });
    },
  };
}
