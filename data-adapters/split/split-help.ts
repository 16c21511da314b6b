/** Help of `kreisdossier split` (kept apart so that the main help does not load the command). */
/** The default limit of `--by auto`, in kB (1 000 bytes) gzip. */
export const DEFAULT_MAX_KB = 100;

export const SPLIT_HELP: [de: string, en: string] = [
  `kreisdossier split DATEI… --by land|regierungsbezirk|kreis|auto [--max-kb N] [--only-below EBENE] -o ORDNER

Teilt kreisdossier-Dateien nach Regionalschlüssel in Teile, damit eine Seite über einen Kreis nur den Teil
seines Landes lädt statt ganz Deutschland. Jede Beobachtung kommt in genau einen Teil, unverändert:
  ORDNER/NAME-de.json       Deutschland (jede Ansicht vergleicht mit ihm)
  ORDNER/NAME-15.json       ein Land mit allem darunter (hier Sachsen-Anhalt), bei --by land
  ORDNER/NAME-091.json      ein Regierungsbezirk mit seinen Kreisen (hier Oberbayern), bei --by regierungsbezirk
  ORDNER/NAME-15085.json    ein Kreis mit seinen Gemeinden, bei --by kreis
Die eigene Zeile eines Landes, Regierungsbezirks oder Kreises steht in seinem Teil. Regionen über ihrem Teil (ein
Land, das nach Regierungsbezirk oder Kreis geteilt ist, ein Regierungsbezirk bei --by kreis) stehen in einem
eigenen kleinen Teil ihres Landes (NAME-15.json mit nur diesen Zeilen). Jeder Teil enthält die übergeordneten Regionen seiner Regionen (nur Namen), die
Indikatoren, Gliederungen und Zeichen, die er braucht, und denselben Datensatz (Quellen, Lizenz, Quellenvermerk,
Stand) mit der Kennung ID-TEIL.

  --by auto             nach Land; ein Land, dessen Teil gzip-komprimiert größer als --max-kb ist, nach
                        Regierungsbezirk (wenn die Datei dort Regierungsbezirke nennt), sonst nach Kreis
  --max-kb N            Grenze für --by auto in kB (1 000 Byte) gzip, Standard ${DEFAULT_MAX_KB}; bei den anderen
                        Teilungen werden größere Teile nur gemeldet
  --only-below EBENE    nur Regionen unterhalb dieser Ebene (land, regierungsbezirk, kreis, gemeindeverband), etwa
                        für eine Gemeinde-Tabelle, deren Kreis- und Landeszeilen die Kreis-Tabelle wiederholen;
                        die weggelassenen Beobachtungen werden je Ebene gezählt und gemeldet
  -o, --output ORDNER   Zielordner (wird angelegt)

Exit-Code 0: alle Teile geschrieben; 2: ein Fehler (dann wird nichts geschrieben).`,
  `kreisdossier split FILE… --by land|regierungsbezirk|kreis|auto [--max-kb N] [--only-below LEVEL] -o FOLDER

Splits kreisdossier files into parts by official region key, so that a page about one Kreis loads the part of its
Land instead of all of Germany. Every observation goes to exactly one part, unchanged:
  FOLDER/NAME-de.json       Deutschland (every view compares with it)
  FOLDER/NAME-15.json       a Land with everything below it (here Sachsen-Anhalt), with --by land
  FOLDER/NAME-091.json      a Regierungsbezirk with its Kreise (here Oberbayern), with --by regierungsbezirk
  FOLDER/NAME-15085.json    a Kreis with its Gemeinden, with --by kreis
A Land's, Regierungsbezirk's or Kreis's own row is in its part. Regions above their part (a Land split by
Regierungsbezirk or Kreis, a Regierungsbezirk with --by kreis) are in a small part of their Land of its own
(NAME-15.json with only those rows). Each part holds
the parent regions of its regions (names only), the indicators, breakdowns and symbols it needs, and the same
dataset (sources, licence, attribution, Stand) with the id ID-PART.

  --by auto             by Land; a Land whose part is larger than --max-kb gzip-compressed is split by
                        Regierungsbezirk (when the file names Regierungsbezirke there), else by Kreis
  --max-kb N            limit for --by auto in kB (1,000 bytes) gzip, default ${DEFAULT_MAX_KB}; with the other splits
                        larger parts are only reported
  --only-below LEVEL    only regions below this level (land, regierungsbezirk, kreis, gemeindeverband), e.g. for a
                        Gemeinde table whose Kreis and Land rows repeat the Kreis table; the observations left out
                        are counted and reported by level
  -o, --output FOLDER   output folder (created if missing)

Exit code 0: every part written; 2: an error (then nothing is written).`,
];
