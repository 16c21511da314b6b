/**
 * The dossier folder's README.md (German, with an English section): what is in it, how to upload it, what
 * the server must send (MIME types, compression, the Content-Security-Policy as Apache and nginx lines), and
 * every attribution and licence line of the copied files, word for word as the files state them.
 */
import { gzipSync } from 'node:zlib';
import type { License } from '../../src/format/types.js';
import { accusative, HEADER_CSP, MINIMAL_CSP } from './page.js';
import type { Target } from './region.js';

/** One attribution with its licence and the files it belongs to. */
export interface Credit {
  kind: 'data' | 'definition' | 'regions' | 'boundaries';
  attribution: string;
  license?: License;
  files: string[];
}

export interface OutputFile {
  /** Path in the output folder, "/" separated. */
  path: string;
  bytes: number;
  content: Buffer;
}

/** Markdown would read `*`, `_`, `[`, `<` … in a line as markup: escaped, so it shows exactly as written. */
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);

export function licenseText(license: License | undefined): string {
  if (!license) return '';
  const name = license.name && license.name !== license.id ? `${license.name} (${license.id})` : license.id;
  return license.url ? `${name}, ${license.url}` : name;
}

/** The line a page shows: "© … – Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)". */
export function creditLine(c: Credit): string {
  const licence = c.license ? (c.license.name && c.license.name !== c.license.id ? `${c.license.name} (${c.license.id})` : c.license.id) : '';
  return licence ? `${c.attribution} – ${licence}` : c.attribution;
}

/** Credits with the same attribution and licence merged, files listed once, in first-seen order. */
export function mergeCredits(credits: readonly Credit[]): Credit[] {
  const merged = new Map<string, Credit>();
  for (const c of credits) {
    const id = `${c.kind}|${c.attribution}|${licenseText(c.license)}`;
    const seen = merged.get(id);
    if (seen) seen.files.push(...c.files.filter((f) => !seen.files.includes(f)));
    else merged.set(id, { ...c, files: [...c.files] });
  }
  return [...merged.values()];
}

const kb = (n: number, lang: 'de' | 'en') => `${(n / 1024).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} kB`;

export interface ReadmeInput {
  target: Target;
  title: string;
  command: string;
  version: string;
  folderName: string;
  gemeindePages: boolean;
  credits: Credit[];
  files: OutputFile[];
  /** Files copied beside the catalogue's own (a data file's boundaries). */
  companions: string[];
}

const KIND: Record<Credit['kind'], [de: string, en: string]> = {
  data: ['Zahlen', 'Numbers'],
  definition: ['Auswahl der Themen und Erläuterungen', 'Choice of topics and explanations'],
  regions: ['Namen der Regionen', 'Region names'],
  boundaries: ['Gebietsgrenzen', 'Boundaries'],
};

function creditList(credits: readonly Credit[], lang: 'de' | 'en'): string {
  const i = lang === 'de' ? 0 : 1;
  return credits
    .map((c) => {
      const licence = c.license ? ` – ${lang === 'de' ? 'Lizenz' : 'licence'}: ${escapeMarkdown(licenseText(c.license))}` : '';
      return `- **${KIND[c.kind][i]}:** ${escapeMarkdown(c.attribution)}${licence}  \n  ${lang === 'de' ? 'Dateien' : 'files'}: ${c.files.map((f) => `\`${f}\``).join(', ')}`;
    })
    .join('\n');
}

export function readme(r: ReadmeInput): string {
  const total = r.files.reduce((n, f) => n + f.bytes, 0);
  const gzip = new Map(r.files.map((f) => [f.path, gzipSync(f.content, { level: 9 }).length]));
  const totalGzip = [...gzip.values()].reduce((n, b) => n + b, 0);
  const dataFiles = r.files.filter((f) => f.path.startsWith('daten/'));
  const fileTable = (lang: 'de' | 'en') =>
    [
      lang === 'de' ? '| Datei | Größe | mit gzip |' : '| file | size | gzipped |',
      '|---|--:|--:|',
      ...r.files.map((f) => `| \`${f.path}\` | ${kb(f.bytes, lang)} | ${kb(gzip.get(f.path)!, lang)} |`),
      `| **${lang === 'de' ? 'zusammen' : 'total'}** | **${kb(total, lang)}** | **${kb(totalGzip, lang)}** |`,
    ].join('\n');
  const pages = r.gemeindePages ? ` und seine ${r.target.gemeinden.length || ''} Gemeinden`.replace('  ', ' ') : '';
  const pagesEn = r.gemeindePages ? ` and its ${r.target.gemeinden.length || ''} Gemeinden`.replace('  ', ' ') : '';
  const companions = r.companions.length
    ? `\nDazu kommen Dateien, auf die eine Datendatei selbst verweist (nicht im Katalog): ${r.companions.map((f) => `\`${f}\``).join(', ')}.\n`
    : '';
  return `# ${escapeMarkdown(r.title)}

Ein fertiges Dossier der amtlichen Statistik für ${escapeMarkdown(accusative(r.target))} (Regionalschlüssel ${r.target.key})${pages}, zum
Hochladen auf die eigene Website. Erstellt mit kreisdossier ${r.version}:

\`\`\`text
${r.command}
\`\`\`

English below.

## Was im Ordner ist

| Datei oder Ordner | wofür |
|---|---|
| \`index.html\` | eine vollständige Seite mit dem Dossier; sie lädt nur Dateien aus diesem Ordner |
| \`snippet.html\` | die zwei Zeilen für eine Seite Ihres CMS (TYPO3, WordPress, Drupal …), mit Erklärung der Pfade |
| \`seite.css\` | die Gestaltung von \`index.html\` (nicht nötig für \`snippet.html\`) |
| \`kreisdossier/\` | die Bibliothek: \`kreisdossier.bundle.js\` (alle Elemente in einer Datei), \`maplibre/\` (Kartenbibliothek und ihr Worker, mit Lizenztext), \`LICENSE.txt\` (EUPL-1.2) |
| \`daten/\` | \`katalog.json\` und die ${dataFiles.length - 1} Dateien, die das Dossier braucht: Zahlen, Gebietsgrenzen, Namen, Themenauswahl – nur für diese Region, ihre Nachbarn im Land und die Vergleichswerte |
| \`README.md\` | diese Datei; sie muss nicht auf den Server |
${companions}
## Hochladen

1. Kopieren Sie den ganzen Ordner so, wie er ist, auf Ihren Webserver (etwa per SFTP), zum Beispiel als
   \`https://www.example.de/${r.folderName}/\`. Dann ist \`https://www.example.de/${r.folderName}/\` die fertige Seite.
2. Die Seite funktioniert nur über einen Webserver (\`https://…\`), nicht als Datei vom eigenen Rechner (\`file://…\`).
3. Für eine Seite im CMS laden Sie nur \`kreisdossier/\` und \`daten/\` hoch und setzen das Markup aus
   \`snippet.html\` ein. Die Pfade darin passen, wenn der Ordner \`${r.folderName}\` im Hauptverzeichnis liegt.
4. Neue Zahlen: denselben Befehl mit \`--force\` erneut ausführen und den Ordner ersetzen.

## Was der Server senden muss

**MIME-Typen.** Browser führen ein Modul nur aus, wenn es als JavaScript ausgeliefert wird.

| Endung | Content-Type |
|---|---|
| \`.js\`, \`.mjs\` | \`text/javascript\` (\`.mjs\` ist oft nicht voreingestellt, vor allem bei nginx) |
| \`.json\` | \`application/json\` |
| \`.css\` | \`text/css\` |
| \`.html\` | \`text/html\` |

**Komprimierung.** Alle Dateien sind Text: Mit gzip oder Brotli werden sie beim Übertragen viel kleiner
(zusammen ${kb(total, 'de')} → etwa ${kb(totalGzip, 'de')} mit gzip, siehe die Liste unten). Schalten Sie gzip oder,
wo vorhanden, Brotli für \`text/javascript\`, \`application/json\`, \`text/css\` und \`text/html\` ein.

**Apache** (\`.htaccess\` in diesem Ordner; Module \`mod_mime\`, \`mod_headers\`, \`mod_deflate\`):

\`\`\`apache
AddType text/javascript .js .mjs
AddType application/json .json
<IfModule mod_deflate.c>
    AddOutputFilterByType DEFLATE text/javascript application/json text/css text/html
</IfModule>
<IfModule mod_headers.c>
    <FilesMatch "\\.html$">
        Header always set Content-Security-Policy "${HEADER_CSP}"
    </FilesMatch>
</IfModule>
\`\`\`

**nginx** (im \`server\`-Block; ein \`types\`-Block in einer \`location\` ersetzt dort die ganze Liste):

\`\`\`nginx
location /${r.folderName}/ {
    types {
        text/html        html;
        text/css         css;
        text/javascript  js mjs;
        application/json json;
        text/plain       txt md;
    }
    gzip on;
    gzip_types text/css text/javascript application/json;
    add_header Content-Security-Policy "${HEADER_CSP}" always;
}
\`\`\`

## Content-Security-Policy

\`index.html\` bringt ihre Richtlinie als \`<meta>\` mit. Sie erlaubt nur Dateien vom eigenen Server, ohne
\`'unsafe-inline'\`, \`'unsafe-eval'\` und \`blob:\`:

\`\`\`http
Content-Security-Policy: ${HEADER_CSP}
\`\`\`

Als HTTP-Header (Zeilen oben) ist sie noch besser: Nur dort wirkt \`frame-ancestors\`. Sendet Ihre Website schon
eine Richtlinie, gelten beide; sie muss mindestens das erlauben: \`${MINIMAL_CSP}\`. Für \`snippet.html\` in
einem CMS gilt die Richtlinie der Website: \`script-src\` und \`worker-src\` müssen \`'self'\` enthalten, und
\`connect-src\` (oder, wenn es fehlt, \`default-src\`) die Adresse von \`daten/\`. \`style-src\` braucht nichts
weiter: Die Elemente setzen ihre Styles als „constructable stylesheets“, nicht als \`<style>\` oder
\`style\`-Attribute.

## Quellen und Lizenzen

Die Zahlen und Grenzen stehen unter Lizenzen, die die Nennung der Quelle verlangen. Das Dossier zeigt
die Quellen jeder Themenseite unter ihr; \`index.html\` nennt sie zusätzlich im Fußbereich. Wortgleich aus den
Dateien:

${creditList(r.credits, 'de')}

Software: kreisdossier (EUPL-1.2, \`kreisdossier/LICENSE.txt\`); MapLibre GL JS (BSD-3-Clause,
\`kreisdossier/maplibre/LICENSE.txt\`).

## Dateien

${fileTable('de')}

## English

A ready-made dossier of official statistics for ${escapeMarkdown(r.target.name)} (region key ${r.target.key})${pagesEn}, to upload to
your own website as it is.

- **Contents:** \`index.html\` (a complete page loading only files from this folder), \`snippet.html\` (the markup
  for a CMS page, paths explained in its comment), \`seite.css\` (styles of \`index.html\`), \`kreisdossier/\` (the
  library: the one-file bundle, MapLibre and its worker for the maps, licence texts), \`daten/\` (\`katalog.json\`
  and only the files this dossier needs), this README (need not be uploaded).
- **Upload:** copy the whole folder to your web server, e.g. as \`https://www.example.de/${r.folderName}/\`. It
  works only over http(s), not from \`file://\`. For a CMS, upload \`kreisdossier/\` and \`daten/\` and paste
  \`snippet.html\`.
- **Server:** \`.js\` and \`.mjs\` as \`text/javascript\` (\`.mjs\` is often missing, especially in nginx),
  \`.json\` as \`application/json\`; enable gzip or Brotli for JavaScript, JSON, CSS and HTML (the files shrink
  from ${kb(total, 'en')} to about ${kb(totalGzip, 'en')} with gzip). The Apache and nginx lines above do both.
- **Content-Security-Policy:** \`index.html\` carries \`${HEADER_CSP.replace("; frame-ancestors 'self'", '')}\` as a \`<meta>\`;
  send the header line above as well (\`frame-ancestors\` works only as a header). A site policy must allow at
  least \`${MINIMAL_CSP}\`. No \`'unsafe-inline'\`, \`'unsafe-eval'\` or \`blob:\` is needed: the elements use
  constructable stylesheets and a same-origin module worker.
- **Sources and licences:**

${creditList(r.credits, 'en')}

  Software: kreisdossier (EUPL-1.2), MapLibre GL JS (BSD-3-Clause); licence texts in \`kreisdossier/\`.
`;
}
