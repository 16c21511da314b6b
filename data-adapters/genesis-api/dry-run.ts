/**
 * `--dry-run`: the requests a fetch would send, as they would go out (method, URL, headers, every form
 * field), with the credentials masked, and nothing sent. What only the answer of `metadata/table` can
 * tell (the table's period range, its regional variable) is shown as ‹from metadata/table›.
 */
import { t, type Lang } from '../cli-shared.js';
import { GenesisClient, type Form } from './client.js';
import type { Credentials } from './credentials.js';

export interface DryRunRequest {
  table: string;
  endpoint: string;
  form: Form;
}

const MASK = '***';

/** The text printed for --dry-run. `credentials`: found ones (only their kind is shown), or undefined. */
export function describeDryRun(baseUrl: string, requests: DryRunRequest[], credentials: Credentials | undefined, lang: Lang): string {
  // A client only to build the requests exactly as `post` would; it never sends.
  const placeholder = { kind: credentials?.kind ?? 'password', headers: { username: MASK, password: MASK } } as Credentials;
  const client = new GenesisClient({
    baseUrl,
    credentials: placeholder,
    database: 'regionalstatistik',
    lang,
    timeoutMs: 0,
    retries: 0,
    retryMs: 0,
    maxInFlight: 1,
    signal: AbortSignal.abort(),
    note: () => {},
  });
  const lines: string[] = [];
  let table = '';
  for (const r of requests) {
    if (r.table !== table) {
      if (table) lines.push('');
      lines.push(`# ${r.table}`);
      table = r.table;
    }
    const request = client.request(r.endpoint, r.form);
    lines.push(`${request.method} ${request.url}`);
    for (const [name, value] of Object.entries(request.headers)) {
      let shown = value;
      if (name === 'username') shown = credentials ? (credentials.kind === 'token' ? `${MASK} (${t(lang, 'API-Token', 'API token')})` : MASK) : t(lang, '‹fehlt›', '‹missing›');
      if (name === 'password') shown = credentials ? (credentials.kind === 'token' ? t(lang, '‹leer›', '‹empty›') : MASK) : t(lang, '‹fehlt›', '‹missing›');
      lines.push(`  ${name}: ${shown}`);
    }
    for (const [name, value] of Object.entries(r.form)) lines.push(`    ${name}=${value}`);
  }
  lines.push(
    '',
    t(
      lang,
      '# Ist eine Tabelle zu groß für einen Abruf (Status 98), folgen: data/tablefile mit job=true, catalogue/results (bis das Ergebnis fertig ist), data/resultfile.',
      '# If a table is too large for one request (status 98), there follow: data/tablefile with job=true, catalogue/results (until the result is ready), data/resultfile.',
    ),
  );
  return `${lines.join('\n')}\n`;
}
