/**
 * The dossier folder's pages: index.html (a complete page), snippet.html (for a CMS) and seite.css. No inline
 * script or style anywhere, so they work under a strict Content-Security-Policy; the page carries that policy
 * itself as a <meta> (a server header can add what a <meta> cannot, such as frame-ancestors).
 */
import { nameAndType, proseName, type Target } from './region.js';

/** The smallest policy the elements work under (docs/anleitungen/csp.md) … */
export const MINIMAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'; img-src 'self' data:";
/** … plus what a cautious site adds and a <meta> may carry (the demo's policy, demo/csp.js, without frame-ancestors). */
export const PAGE_CSP = `${MINIMAL_CSP}; object-src 'none'; base-uri 'self'; form-action 'self'`;
/** The policy as an HTTP header: frame-ancestors works only there. */
export const HEADER_CSP = `${PAGE_CSP}; frame-ancestors 'self'`;

export const STYLESHEET = 'seite.css';

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PageInput {
  target: Target;
  title: string;
  /** The Land, for "verglichen mit …". */
  land?: string;
  gemeindePages: boolean;
  /** Distinct source lines (attribution – licence), shown in the footer. */
  sources: string[];
  version: string;
}

/** "den Landkreis Harz", "Cottbus": for "Zahlen … für …". */
export function accusative(target: Target): string {
  if (target.level === 'Gemeinde') return target.name;
  const type = nameAndType(target.kreis).type ?? '';
  const article: Record<string, string> = { landkreis: 'den', kreis: 'den', regionalverband: 'den', städteregion: 'die' };
  const a = article[type.toLowerCase()];
  return a ? `${a} ${target.name}` : target.name;
}

/** The element's markup, shared by both pages; `base` is where the output folder lies. */
export function dossierElement(target: Target, base: string): string {
  return `<themen-dossier src="${escapeHtml(base)}daten/katalog.json" region="${target.key}" within="${target.key}" hash></themen-dossier>`;
}

/** "dem Landkreis Harz", "Cottbus": for "verglichen mit …". */
function dative(region: { name: string; type?: string }, prose: string): string {
  const article: Record<string, string> = { landkreis: 'dem', kreis: 'dem', regionalverband: 'dem', städteregion: 'der' };
  const a = article[(nameAndType(region).type ?? '').toLowerCase()];
  return a ? `${a} ${prose}` : prose;
}

export function indexHtml(p: PageInput): string {
  const { target } = p;
  const count = p.gemeindePages ? ` und seine ${target.gemeinden.length || ''} Gemeinden`.replace('  ', ' ') : '';
  const parents = [...(target.level === 'Gemeinde' ? [dative(target.kreis, proseName(target.kreis))] : []), p.land ?? 'dem Land', 'Deutschland'];
  const compared = `mit ${parents.slice(0, -1).join(', ')} und ${parents.at(-1)} verglichen`;
  const choose = p.gemeindePages ? 'ein Thema und einen Ort' : 'ein Thema';
  const lead = `Zahlen der amtlichen Statistik für ${accusative(target)}${count}, nach Themen geordnet und ${compared}.`;
  return `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(p.title)}</title>
    <meta name="description" content="${escapeHtml(lead)}" />
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${STYLESHEET}" />
    <script type="module" src="kreisdossier/kreisdossier.bundle.js"></script>
  </head>
  <body>
    <a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
    <main id="inhalt" class="wrap" tabindex="-1">
      <h1>${escapeHtml(p.title)}</h1>
      <p class="lead">
        ${escapeHtml(lead)} Wählen Sie ${choose}. Die Adresse dieser Seite merkt sich Ihre Auswahl: Sie können sie
        teilen, und „Zurück“ im Browser führt zur vorigen Ansicht.
      </p>
      ${dossierElement(target, '')}
      <noscript>
        <p>Das Dossier braucht JavaScript. Die Zahlen liegen auch als Dateien im Ordner <a href="daten/katalog.json">daten</a> bereit.</p>
      </noscript>
    </main>
    <footer class="site-footer">
      <div class="wrap">
        <h2>Quellen der Daten auf dieser Seite</h2>
        <ul>
${p.sources.map((s) => `          <li>${escapeHtml(s)}</li>`).join('\n')}
        </ul>
        <p>
          Jede Themenseite des Dossiers nennt die Quellen ihrer Zahlen im Einzelnen. Erstellt mit kreisdossier ${escapeHtml(p.version)}
          (Software: EUPL-1.2, Karten: MapLibre GL JS, BSD-3-Clause). Alle Dateien dieser Seite kommen von diesem Server.
        </p>
      </div>
    </footer>
  </body>
</html>
`;
}

/** For a CMS page: the two lines, with where the folder must lie said in a comment. */
export function snippetHtml(target: Target, folderName: string, title: string): string {
  const base = `/${encodeURIComponent(folderName)}/`;
  return `<!--
  ${title.replace(/--/g, '–')}: das Dossier für eine Seite Ihres CMS.

  Die Pfade unten gehen davon aus, dass der Ordner „${folderName}“ so, wie er ist, im Hauptverzeichnis der Website
  liegt (https://www.example.de${base}). Liegt er woanders, ersetzen Sie „${base}“ in beiden Zeilen durch seinen
  Pfad, z. B. „/fileadmin/${folderName}/“ (TYPO3) oder „/wp-content/uploads/${folderName}/“ (WordPress).
  Das <script> gehört einmal auf die Seite (am besten in den <head>); manche CMS entfernen es aus dem Inhalt –
  die Anleitungen von kreisdossier zu TYPO3, WordPress und Drupal zeigen, wie es trotzdem geht.
  Die Content-Security-Policy der Website muss script-src 'self', worker-src 'self' und (default-src oder
  connect-src) 'self' erlauben: siehe README.md im Ordner.

  English: paths assume the folder "${folderName}" lies at the root of the site (${base}); otherwise replace
  "${base}" in both lines with its path. The script belongs on the page once.
-->
<script type="module" src="${base}kreisdossier/kreisdossier.bundle.js"></script>
${dossierElement(target, base)}
`;
}

export function stylesheet(): string {
  return `/* Layout of index.html only. The dossier itself is styled through --kd-* properties (kreisdossier docs/theming.md). */
:root {
  color-scheme: light;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.5;
  color: #1b1b1b;
  background: #fff;
}
body {
  margin: 0;
}
.wrap {
  max-width: 72rem;
  margin: 0 auto;
  padding: 0 1rem;
}
.skip-link {
  position: absolute;
  left: 1rem;
  top: -4rem;
  z-index: 10;
  padding: 0.5rem 1rem;
  background: #fff;
  color: #0b4f9c;
  border: 2px solid currentColor;
}
.skip-link:focus {
  top: 1rem;
}
:focus-visible {
  outline: 3px solid #0b4f9c;
  outline-offset: 2px;
}
main:focus {
  outline: none;
}
h1 {
  font-size: clamp(1.75rem, 4vw, 2.5rem);
  line-height: 1.2;
  margin: 1.5rem 0 0.75rem;
}
.lead {
  max-width: 48rem;
  font-size: 1.125rem;
}
.site-footer {
  margin-top: 3rem;
  padding: 1.5rem 0 2rem;
  background: #f2f2f2;
  border-top: 1px solid #c8c8c8;
}
.site-footer h2 {
  font-size: 1.25rem;
}
a {
  color: #0b4f9c;
}
`;
}
