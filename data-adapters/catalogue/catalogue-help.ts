/** Help of `kreisdossier catalogue` (kept apart so that the main help does not load the command). */
export const CATALOGUE_HELP: [de: string, en: string] = [
  `kreisdossier catalogue ORDNER -o ORDNER/katalog.json [Optionen]

Schreibt einen Katalog aller kreisdossier-Dateien im Ordner (und seinen Unterordnern): was jede Datei abdeckt
(Indikatoren und Themen, Ebenen, Schlüsselanfänge der Regionen, erster und letzter Zeitraum, Größe), damit ein
Element mit src="katalog.json" nur die Dateien lädt, die seine Ansicht braucht. Adressen relativ zum Katalog,
feste Reihenfolge: dieselben Dateien ergeben denselben Katalog.
  Datendateien (mit Beobachtungen)       → data
  Verweise auf Grenzen (geometry)        → geometry (die Grenzdatei selbst: Ebene, Schlüssel, Größe)
  Dateien nur mit Regionen               → regionFiles (etwa alle Gemeinden eines Landes für die Suche)
  Dossier-Definitionen                   → dossiers (für die Regionen der Datei, ohne Regionen für alle)
Dazu die Regionen bis zur Kreisebene mit übergeordneter Region, Art (aus den Kreisgrenzen), Einwohnerzahl und
Nachbarn (gemeinsame Grenzen in der TopoJSON-Datei der Kreise oder in --neighbours-from), und die Kreisschlüssel
ohne aktuelle Grenze (regionChanges).

Prüfungen: Dateien mit demselben Indikator, deren Ebenen, Schlüssel und Zeiträume sich überschneiden, werden
Beobachtung für Beobachtung verglichen. Ein anderer Wert oder ein anderes Zeichen ist ein Fehler, gleiche Werte
sind eine Warnung. Ein Indikator mit anderer Einheit, Nachkommastellenzahl oder Art ist ein Fehler, ebenso eine
Region mit anderer Ebene oder übergeordneter Region.

  --title TEXT                  Titel des Katalogs
  --updated DATUM               Stand des Katalogs (JJJJ-MM-TT oder mit Uhrzeit); ohne: kein Datum im Katalog
  --region-changes DATEI        bekannte Gebietsänderungen mit Nachfolgern, Datum und amtlicher Quelle
                                (z. B. data-adapters/region-changes.json aus dem Repository)
  --population-indicator ID     Indikator der Einwohnerzahl (Standard: bevoelkerung, wenn vorhanden)
  --geometry-attribution TEXT   Quellenvermerk für Art und Nachbarn der Regionen (Standard: der der Kreisgrenzen)
  --neighbours-from DATEI       Kreisgrenzen (TopoJSON, Schlüssel in „ags“, etwa ganz Deutschlands), aus denen die
                                Nachbarn gelesen werden, auch über Ländergrenzen, wenn die Kreisgrenzen im Ordner
                                je Land geteilt sind; nur gelesen, nicht gelistet
  -o, --output DATEI            der Katalog

Exit-Code 0: geschrieben; 1: Widersprüche oder ungültige Dateien (nichts geschrieben); 2: falscher Aufruf.`,
  `kreisdossier catalogue FOLDER -o FOLDER/katalog.json [options]

Writes a catalogue of every kreisdossier file in the folder (and its subfolders): what each file covers
(indicators and topics, levels, region key prefixes, first and last period, size), so that an element with
src="katalog.json" loads only the files its view needs. Addresses relative to the catalogue, fixed order: the
same files give the same catalogue.
  data files (with observations)         → data
  boundary references (geometry)         → geometry (the boundary file itself: level, keys, size)
  files with regions only                → regionFiles (e.g. all Gemeinden of a Land, for the search)
  dossier definitions                    → dossiers (for the file's regions; without regions, for all)
Plus the regions down to the Kreise with parent, type (from the Kreis boundaries), population and neighbours
(shared borders in the Kreis TopoJSON or in --neighbours-from), and the Kreis keys without a current boundary
(regionChanges).

Checks: files with the same indicator whose levels, keys and periods overlap are compared observation by
observation. Another value or symbol is an error, identical values a warning. An indicator with another unit,
number of decimals or kind is an error, as is a region with another level or parent.

  --title TEXT                  the catalogue's title
  --updated DATE                the catalogue's date (YYYY-MM-DD, or with a time); without: no date in it
  --region-changes FILE         known region changes with successors, date and official source
                                (e.g. data-adapters/region-changes.json in the repository)
  --population-indicator ID     indicator of the population (default: bevoelkerung, if present)
  --geometry-attribution TEXT   attribution for the regions' types and neighbours (default: the Kreis boundaries')
  --neighbours-from FILE        Kreis boundaries (TopoJSON, keys in "ags", e.g. all of Germany) to read the
                                neighbours from, across Länder borders too, when the Kreis boundaries in the
                                folder are split by Land; read only, not listed
  -o, --output FILE             the catalogue

Exit code 0: written; 1: contradictions or invalid files (nothing written); 2: wrong usage.`,
];
