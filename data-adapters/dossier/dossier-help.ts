/** `kreisdossier dossier --help` (kept apart from the command, which cli.ts loads only when it runs). */
export const DOSSIER_HELP: [de: string, en: string] = [
  `kreisdossier dossier --region SCHLÜSSEL [--gemeinden] [--topics THEMA,…] [--data ORDNER | --fetch] [--title TEXT] -o ORDNER/

Schreibt einen Ordner, den Sie so, wie er ist, auf Ihre Website laden: index.html (eine fertige Seite mit
<themen-dossier>), snippet.html (das Markup für eine CMS-Seite), kreisdossier/ (die Bibliothek), daten/ (nur die
Dateien, die das Dossier dieser Region braucht, mit katalog.json) und README.md (Hochladen, MIME-Typen,
Content-Security-Policy und jeder Quellenvermerk der Daten).

  --region SCHLÜSSEL    ein Kreis (5 Ziffern, z. B. 12062) oder eine Gemeinde (8 Ziffern, ihr eigenes Dossier)
  --gemeinden           dazu die Seiten aller Gemeinden des Kreises (Leser wählen den Ort)
  --topics THEMA,…      nur diese Themen: bevoelkerung, gesundheit-pflege, bildung, arbeitsmarkt-wirtschaft,
                        soziale-lage, digitalisierung, strukturwandel (Standard: alle)
  --data ORDNER         Datenordner mit katalog.json (Standard im Repository: demo/data/de/, von npm run data)
  --fetch               die Zahlen direkt vom GENESIS-Webservice (regionalstatistik.de) holen, Zugangsdaten wie
                        bei fetch; Grenzen, Namen und Themenauswahl kommen weiter aus dem Datenordner
  --tables DATEI        mit --fetch: die Liste der Tabellen (Standard: data-adapters/dossiers/tables.json)
  --api-url, --credentials, --database, --from, --to   mit --fetch: wie bei fetch
  --title TEXT          Überschrift und Titel der Seite (Standard: „Kreisdossier NAME“)
  --force               einen vorhandenen, nicht leeren Ausgabeordner ersetzen
  -o, --output ORDNER   Ausgabeordner; er entsteht erst, wenn alles vollständig und gültig ist
Exit-Code 0: geschrieben; 2: ein Fehler (dann bleibt alles, wie es war).`,
  `kreisdossier dossier --region KEY [--gemeinden] [--topics TOPIC,…] [--data FOLDER | --fetch] [--title TEXT] -o FOLDER/

Writes a folder to upload to your website as it is: index.html (a complete page with <themen-dossier>),
snippet.html (the markup for a CMS page), kreisdossier/ (the library), daten/ (only the files this region's
dossier needs, with katalog.json) and README.md (upload, MIME types, Content-Security-Policy and every
attribution line of the data).

  --region KEY          a Kreis (5 digits, e.g. 12062) or a Gemeinde (8 digits, a dossier of its own)
  --gemeinden           add the pages of all the Kreis's Gemeinden (readers choose the place)
  --topics TOPIC,…      only these topics: bevoelkerung, gesundheit-pflege, bildung, arbeitsmarkt-wirtschaft,
                        soziale-lage, digitalisierung, strukturwandel (default: all)
  --data FOLDER         data folder with katalog.json (default in the repository: demo/data/de/, from npm run data)
  --fetch               fetch the numbers from the GENESIS web service (regionalstatistik.de), credentials as
                        for fetch; boundaries, names and topic choice still come from the data folder
  --tables FILE         with --fetch: the list of tables (default: data-adapters/dossiers/tables.json)
  --api-url, --credentials, --database, --from, --to   with --fetch: as for fetch
  --title TEXT          heading and title of the page (default: "Kreisdossier NAME")
  --force               replace an existing output folder that is not empty
  -o, --output FOLDER   output folder; it appears only once everything is complete and valid
Exit code 0: written; 2: an error (then everything stays as it was).`,
];
