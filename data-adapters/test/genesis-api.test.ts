// `kreisdossier fetch` against a local replay of the real GENESIS web service (recorded answers in
// data-adapters/fixtures/genesis-api/): what the client sends, what it writes, the background-job flow,
// and every failure (exit code 2, a worded message, no output file). No test reaches the internet.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { main } from '../cli.js';
import { startReplayServer, type ReplayOptions, type ReplayServer } from './genesis-replay-server.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const FIXTURES = join(root, 'data-adapters/fixtures/genesis-api');

const USER = 'kd-testkonto';
const SECRET = 'Geheim-Passwort-4711';
const TOKEN = 'Token-0815-abcdef';
/** Fast waits, so that retries, timeouts and polling take milliseconds. */
const FAST = { KREISDOSSIER_GENESIS_POLL_MS: '5', KREISDOSSIER_GENESIS_RETRY_MS: '5', KREISDOSSIER_GENESIS_TIMEOUT_MS: '1500' };
const ENV = { LANG: 'de_DE.UTF-8', KREISDOSSIER_GENESIS_USERNAME: USER, KREISDOSSIER_GENESIS_PASSWORD: SECRET, ...FAST };
const TOKEN_ENV = { LANG: 'de_DE.UTF-8', KREISDOSSIER_GENESIS_TOKEN: TOKEN, ...FAST };

const servers: ReplayServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

async function server(options: ReplayOptions = {}): Promise<ReplayServer> {
  const s = await startReplayServer({ credentials: { username: USER, password: SECRET }, ...options });
  servers.push(s);
  return s;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'kd-fetch-'));

/** Runs the CLI; no secret may ever appear in what it prints. */
async function run(argv: string[], env: NodeJS.ProcessEnv = ENV): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, env);
  for (const secret of [SECRET, TOKEN]) {
    assert.ok(!out.includes(secret) && !err.includes(secret), `a credential appears in the output:\n${out}\n${err}`);
  }
  return { code, out, err };
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** The recorded flat file of a table, read here independently of the implementation: rows as objects. */
function flatFile(table: string, language = 'de'): Array<Record<string, string>> {
  const zip = unzipSync(readFileSync(join(FIXTURES, `regio_${table}_data-tablefile_${language}.body.zip`)));
  const [name] = Object.keys(zip);
  const lines = new TextDecoder().decode(zip[name!]).replace(/^\uFEFF/, '').split('\n').filter((l) => l.trim());
  const header = lines[0]!.split(';');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(';').map((cell, i) => [header[i]!, cell])));
}

/** The official value of one cell as a number ("-" and the like: null). */
function official(rows: Array<Record<string, string>>, where: Record<string, string>): number | null {
  const found = rows.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
  assert.equal(found.length, 1, `exactly one row for ${JSON.stringify(where)}`);
  const raw = found[0]!.value!;
  return /^-?\d+(,\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : null;
}

/** A free port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const TABLEFILE_FORM = {
  name: '12411-01-01-4',
  area: 'all',
  compress: 'false',
  format: 'ffcsv',
  startyear: '1995',
  endyear: '2024',
  timeslices: '',
  regionalvariable: 'KREISE',
  regionalkey: '15*',
  stand: '',
  quality: 'off',
  language: 'de',
  job: 'false',
};

describe('kreisdossier fetch: what it sends', () => {
  it('POSTs form fields with the credentials in the headers only, and the time range from metadata/table', async () => {
    const s = await server();
    const out = join(tmp(), 'bev.json');
    const r = await run(['fetch', '12411-01-01-4', '--region', '15', '--level', 'kreis', '--api-url', s.url, '-o', out]);
    assert.equal(r.code, 0, r.err);
    assert.equal(s.requests.length, 2);
    const [meta, data] = s.requests;
    assert.equal(meta!.endpoint, 'metadata/table');
    assert.equal(data!.endpoint, 'data/tablefile');
    for (const q of s.requests) {
      assert.equal(q.method, 'POST');
      assert.match(String(q.headers['content-type']), /^application\/x-www-form-urlencoded(;|$)/);
      assert.equal(q.headers.username, USER);
      assert.equal(q.headers.password, SECRET);
      assert.ok(!q.url.includes('?'), `no query string: ${q.url}`);
      for (const secret of [USER, SECRET]) assert.ok(!q.url.includes(secret) && !q.body.includes(secret), 'credentials only in the headers');
      assert.equal(q.headers.authorization, undefined);
    }
    assert.equal(meta!.url, '/genesisws/rest/2020/metadata/table');
    assert.equal(data!.url, '/genesisws/rest/2020/data/tablefile');
    assert.deepEqual(meta!.form, { name: '12411-01-01-4', area: 'all', language: 'de' });
    // startyear/endyear: Object.Time of the recorded metadata ("31.12.1995" … "31.12.2024").
    assert.deepEqual(data!.form, TABLEFILE_FORM);
    const written = readFileSync(out, 'utf8');
    assert.ok(!written.includes(SECRET) && !written.includes(USER), 'no credentials in the file');
  });

  it('takes --from/--to, several --region keys and --level gemeinde as they are', async () => {
    const s = await server({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'recorded', name: 'destatis_63121-0001_data-tablefile_de_status104' } }] });
    const r = await run(['fetch', '12411-01-01-4', '--from', '2010', '--to', '2020', '--region', '15085', '--region', '15002,15003', '--level', 'gemeinde', '--api-url', s.url]);
    assert.equal(r.code, 2); // the recorded table has no Gemeinden: the service says "nothing found"
    const form = s.requests[1]!.form;
    assert.deepEqual([form.startyear, form.endyear, form.regionalvariable, form.regionalkey], ['2010', '2020', 'GEMEIN', '15085*,15002*,15003*']);
    // --level alone: every region of the level; --region alone: the table's own regional variable (metadata: KREISE).
    const s2 = await server();
    await run(['fetch', '12411-01-01-4', '--level', 'kreis', '--api-url', s2.url]);
    await run(['fetch', '12411-01-01-4', '--region', '15', '--api-url', s2.url]);
    const forms = s2.requests.filter((q) => q.endpoint === 'data/tablefile').map((q) => [q.form.regionalvariable, q.form.regionalkey]);
    assert.deepEqual(forms, [['KREISE', '*'], ['KREISE', '15*']]);
  });

  it('reads the credentials from a --credentials file (JSON), a token into `username` with an empty `password`', async () => {
    const dir = tmp();
    const file = join(dir, 'zugang.json');
    writeFileSync(file, JSON.stringify({ token: TOKEN }), { mode: 0o600 });
    const s = await server({ credentials: { token: TOKEN } });
    const r = await run(['fetch', '12411-01-01-4', '--credentials', file, '--api-url', s.url, '-o', join(dir, 'out.json')], { LANG: 'de_DE.UTF-8', ...FAST });
    assert.equal(r.code, 0, r.err);
    assert.equal(s.requests[0]!.headers.username, TOKEN);
    assert.equal(s.requests[0]!.headers.password, '');
    // The file wins over the environment.
    writeFileSync(file, JSON.stringify({ username: USER, password: SECRET }), { mode: 0o600 });
    const s2 = await server();
    const r2 = await run(['fetch', '12411-01-01-4', '--credentials', file, '--api-url', s2.url], { ...TOKEN_ENV });
    assert.equal(r2.code, 0, r2.err);
    assert.deepEqual([s2.requests[0]!.headers.username, s2.requests[0]!.headers.password], [USER, SECRET]);
  });
});

describe('kreisdossier fetch: what it writes', () => {
  it('12411-01-01-4: exact official values, title, Stand, attribution, licence, topic and source from the service', async () => {
    const s = await server();
    const out = join(tmp(), 'bev.json');
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url, '-o', out]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /^12411-01-01-4: Zeilen gelesen 1467, Beobachtungen geschrieben 1467/m);
    const doc = readJson(out);
    const rows = flatFile('12411-01-01-4');
    const harz = (sex: string) => doc.observations.find((o: any) => o.region === '15085' && o.period === '2024-12-31' && o.breakdown.geschlecht === sex);
    assert.equal(harz('insgesamt').value, 205484);
    assert.equal(harz('insgesamt').value, official(rows, { '1_variable_attribute_code': '15085', '2_variable_attribute_label': 'Insgesamt' }));
    assert.equal(harz('weiblich').value, official(rows, { '1_variable_attribute_code': '15085', '2_variable_attribute_code': 'GESW' }));
    assert.equal(doc.observations.length, rows.length);
    for (const [i, row] of rows.entries()) {
      const o = doc.observations[i];
      assert.equal(o.region, row['1_variable_attribute_code']);
      assert.equal(o.value, official([row], {}));
    }
    const d = doc.dataset;
    assert.equal(d.title, 'Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale Tiefe: Kreise und krfr. Städte');
    assert.equal(d.referenceDate, '2025-03-31');
    assert.equal(d.attribution, '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026');
    assert.equal(d.license.id, 'dl-de/by-2-0');
    assert.deepEqual(d.sources, [
      {
        publisher: 'Statistische Ämter des Bundes und der Länder',
        table: '12411-01-01-4',
        title: d.title,
        url: 'https://www.regionalstatistik.de/genesis/online?operation=table&code=12411-01-01-4',
        retrieved: '2026-03-10T20:49:32Z', // the recorded answer's Date header
      },
    ]);
    const meta = readJson(join(FIXTURES, 'regio_12411-01-01-4_metadata-table_de.body.json'));
    assert.equal(d.extensions.genesisApi.copyright, meta.Copyright);
    assert.deepEqual(d.extensions.genesisApi.request.startyear, '1995');
    assert.deepEqual(
      doc.indicators.map((i: any) => [i.id, i.unit, i.topic, i.kind]),
      [['bevstd', 'Anzahl', 'Bevölkerung', 'count']],
    );
  });

  it('73111-01-01-4: Einkünfte and Steuerpflichtige of Landkreis Harz, 2021, as published (topic Soziale Lage)', async () => {
    const s = await server();
    const out = join(tmp(), 'steuern.json');
    const r = await run(['fetch', '73111-01-01-4', '--kind', 'count', '--api-url', s.url, '-o', out]);
    assert.equal(r.code, 0, r.err);
    const doc = readJson(out);
    const rows = flatFile('73111-01-01-4');
    const harz = (id: string) => doc.observations.find((o: any) => o.indicator === id && o.region === '15085' && o.period === '2021').value;
    const einkuenfte = official(rows, { '1_variable_attribute_code': '15085', time: '2021', value_variable_code: 'EKF002' });
    const pflichtige = official(rows, { '1_variable_attribute_code': '15085', time: '2021', value_variable_code: 'LSNW01' });
    assert.equal(harz('ekf002'), einkuenfte);
    assert.equal(harz('lsnw01'), pflichtige);
    assert.equal(harz('ekf002'), 3746266);
    assert.equal(harz('lsnw01'), 104311);
    const ekf = doc.indicators.find((i: any) => i.id === 'ekf002');
    assert.deepEqual([ekf.label, ekf.unit, ekf.topic, ekf.kind], ['Gesamtbetrag der Einkünfte', 'Tsd. EUR', 'Soziale Lage', 'count']);
    assert.equal(doc.dataset.referenceDate, '2025-10-17');
    assert.equal(doc.dataset.title, 'Lohn- und Einkommensteuerpflichtige, Gesamtbetrag der Einkünfte, Lohn- und Einkommensteuer - Jahressumme - regionale Tiefe: Kreise und krfr. Städte');
  });

  it('the four demo tables fetch cleanly, one file each into a folder (52411 → Arbeitsmarkt und Wirtschaft)', async () => {
    const s = await server();
    const dir = join(tmp(), 'tabellen/');
    const tables = ['12411-01-01-4', '13111-01-03-4', '73111-01-01-4', '52411-02-01-4'];
    const r = await run(['fetch', ...tables, '--kind', 'count', '--api-url', s.url, '-o', dir]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(dir).sort(), tables.map((t) => `${t}.json`).sort());
    const ids = (t: string) => readJson(join(dir, `${t}.json`)).indicators.map((i: any) => `${i.id}:${i.unit}:${i.topic}`);
    assert.deepEqual(ids('13111-01-03-4'), ['erw032:Anzahl:Arbeitsmarkt und Wirtschaft']);
    assert.deepEqual(ids('52411-02-01-4'), ['isv006:Anzahl:Arbeitsmarkt und Wirtschaft', 'isvnw1:Anzahl:Arbeitsmarkt und Wirtschaft', 'for002:Tsd. EUR:Arbeitsmarkt und Wirtschaft']);
    const insolvenzen = readJson(join(dir, '52411-02-01-4.json'));
    const harz = insolvenzen.observations.find((o: any) => o.indicator === 'isv006' && o.region === '15085' && o.breakdown['beantragte-verfahren'] === 'insgesamt');
    assert.equal(harz.value, official(flatFile('52411-02-01-4'), { '1_variable_attribute_code': '15085', value_variable_code: 'ISV006', '2_variable_attribute_label': 'Insgesamt' }));
    assert.equal(readJson(join(dir, '13111-01-03-4.json')).dataset.referenceDate, '2025-09-08');
  });

  it('asks for every missing flag in one message, with an example command line, and writes nothing', async () => {
    // A metadata answer that says nothing (a synthetic status 0 without Object and Copyright).
    const s = await server({ faults: [{ endpoint: 'metadata/table', fault: { kind: 'status', code: 0, content: 'erfolgreich' } }] });
    const out = join(tmp(), 'x.json');
    const r = await run(['fetch', '73111-01-01-4', '--from', '2021', '--to', '2021', '--api-url', s.url, '-o', out]);
    assert.equal(r.code, 2);
    assert.match(r.err, /Die Quelle sagt nicht alles, was das Format braucht\. Bitte angeben:/);
    for (const flag of ['--attribution', '--reference-date', '--license']) assert.match(r.err, new RegExp(`^  ${flag} +73111-01-01-4: `, 'm'), flag);
    // Amounts in "Tsd. EUR" are counts by their unit: no --kind is asked for.
    assert.doesNotMatch(r.err, /--kind/);
    assert.match(r.err, /Zum Beispiel:\n  kreisdossier fetch 73111-01-01-4 --from 2021 --to 2021 --api-url \S+ -o \S+ --attribution '© …' --reference-date 2025-03-31 --license dl-de\/by-2-0/);
    assert.equal(existsSync(out), false);
  });

  it('asks for --topic when the subject area names none (14 Wahlen)', async () => {
    // Recorded answers of 12411-01-01-4 served for a code of subject area 14: only the code differs.
    const s = await server({
      faults: [
        { endpoint: 'metadata/table', fault: { kind: 'recorded', name: 'regio_12411-01-01-4_metadata-table_de' } },
        { endpoint: 'data/tablefile', fault: { kind: 'recorded', name: 'regio_12411-01-01-4_data-tablefile_de' } },
      ],
    });
    const r = await run(['fetch', '14111-01-03-4', '--api-url', s.url, '--lang', 'en']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^  --topic +14111-01-03-4: subject area 14 \(Elections\) matches no topic unambiguously \(bevstd\)$/m);
    const given = await run(['fetch', '14111-01-03-4', '--topic', 'Strukturwandel', '--api-url', s.url]);
    assert.equal(given.code, 0, given.err);
    assert.equal(JSON.parse(given.out).indicators[0].topic, 'Strukturwandel');
  });

  it('--within cuts on this side only (the server is asked for everything)', async () => {
    const s = await server();
    const r = await run(['fetch', '12411-01-01-4', '--within', '15', '--api-url', s.url]);
    assert.equal(r.code, 0, r.err);
    assert.equal(s.requests[1]!.form.regionalkey, '');
    const doc = JSON.parse(r.out);
    assert.ok(doc.regions.length > 10 && doc.regions.every((x: any) => x.key.startsWith('15')));
    assert.match(r.err, /übersprungen \d+× Beobachtungen außerhalb von --within 15/);
    const nothing = await run(['fetch', '12411-01-01-4', '--region', '16999', '--api-url', s.url]);
    assert.equal(nothing.code, 2);
    assert.match(nothing.err, /^12411-01-01-4: die Tabelle hat keine Werte für --region 16999$/m);
  });

  it('merges several tables into one file, with at most 2 requests in flight', async () => {
    const s = await server({ delayMs: 40 });
    const out = join(tmp(), 'alle.json');
    const r = await run(['fetch', '12411-01-01-4', '13111-01-03-4', '73111-01-01-4', '52411-02-01-4', '--kind', 'count', '--api-url', s.url, '-o', out]);
    assert.equal(r.code, 0, r.err);
    assert.equal(s.requests.length, 8);
    assert.equal(s.maxInFlight, 2, 'two requests at a time, never more');
    const doc = readJson(out);
    assert.deepEqual(doc.indicators.map((i: any) => i.id).sort(), ['bevstd', 'ekf002', 'erw032', 'for002', 'isv006', 'isvnw1', 'lsnw01', 'lsnw02']);
    assert.deepEqual(doc.dataset.sources.map((x: any) => x.table), ['12411-01-01-4', '13111-01-03-4', '73111-01-01-4', '52411-02-01-4']);
    assert.equal(doc.dataset.referenceDate, '2025-10-17', 'the latest Stand of the tables');
  });

  it('reads table codes from --list (comments, blank lines, each code once)', async () => {
    const s = await server();
    const dir = tmp();
    const list = join(dir, 'tabellen.txt');
    writeFileSync(list, '# Kreisdossier Harz\n12411-01-01-4\n\n13111-01-03-4   # Beschäftigte\n12411-01-01-4\n');
    const r = await run(['fetch', '--list', list, '--api-url', s.url, '-o', join(dir, 'out.json')]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(s.requests.filter((q) => q.endpoint === 'data/tablefile').map((q) => q.form.name).sort(), ['12411-01-01-4', '13111-01-03-4']);
    assert.deepEqual(readJson(join(dir, 'out.json')).dataset.sources.map((x: any) => x.table), ['12411-01-01-4', '13111-01-03-4'], 'in the order of the list');
    writeFileSync(list, '12411-01-01-4\n../etc/passwd\n');
    const bad = await run(['fetch', '--list', list, '--api-url', s.url]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /tabellen\.txt:2: „\.\.\/etc\/passwd“ ist kein Tabellencode/);
  });

  it('English: --lang en asks for English data and speaks English', async () => {
    const s = await server();
    const out = join(tmp(), 'en.json');
    const r = await run(['fetch', '12411-01-01-4', '--lang', 'en', '--region', '15085', '--api-url', s.url, '-o', out]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(s.requests.map((q) => q.form.language), ['en', 'en']);
    assert.match(r.err, /^12411-01-01-4: rows read 1467, observations written 3/m);
    assert.match(r.err, /skipped 1464× observations outside --region 15085/);
    const doc = readJson(out);
    assert.equal(doc.dataset.attribution, '© Federal Statistical Office and the statistical offices of the Länder, Germany, 2026');
    assert.equal(doc.dataset.referenceDate, '2025-03-31');
    // English flat files call the total "Total".
    const total = doc.observations.find((o: any) => o.breakdown.geschlecht === 'total');
    assert.equal(total.value, official(flatFile('12411-01-01-4', 'en'), { '1_variable_attribute_code': '15085', '2_variable_attribute_label': 'Total' }));
    assert.equal(total.value, 205484);
    // An English terminal alone does not change the data's language (the same command gives the same file).
    const s2 = await server();
    await run(['fetch', '12411-01-01-4', '--api-url', s2.url], { ...ENV, LANG: 'en_US.UTF-8' });
    assert.equal(s2.requests[0]!.form.language, 'de');
  });

  it('--dry-run shows every request with masked credentials and sends nothing', async () => {
    const s = await server();
    const r = await run(['fetch', '12411-01-01-4', '--region', '15', '--level', 'kreis', '--dry-run', '--api-url', s.url]);
    assert.equal(r.code, 0, r.err);
    assert.equal(s.requests.length, 0);
    assert.ok(r.out.includes(`POST ${s.url}metadata/table\n`), r.out);
    assert.ok(r.out.includes(`POST ${s.url}data/tablefile\n`));
    assert.match(r.out, /^  content-type: application\/x-www-form-urlencoded; charset=UTF-8$/m);
    assert.match(r.out, /^  username: \*\*\*$/m);
    assert.match(r.out, /^  password: \*\*\*$/m);
    for (const [field, value] of Object.entries({ ...TABLEFILE_FORM, startyear: '‹aus metadata/table›', endyear: '‹aus metadata/table›' })) {
      assert.ok(r.out.includes(`\n    ${field}=${value}\n`), `${field}=${value}`);
    }
    assert.ok(!r.out.includes(USER), 'the username is masked too');
    assert.match(r.err, /--dry-run: nichts gesendet, nichts geschrieben/);
    const withToken = await run(['fetch', '12411-01-01-4', '--from', '2020', '--dry-run', '--api-url', s.url], TOKEN_ENV);
    assert.match(withToken.out, /^  username: \*\*\* \(API-Token\)$/m);
    assert.match(withToken.out, /^    startyear=2020$/m);
    assert.equal(s.requests.length, 0);
  });
});

describe('kreisdossier fetch: tables too large for one request', () => {
  it('runs the background job: 98 → job=true → 99 → catalogue/results 104 … 0 → data/resultfile, with a progress line', async () => {
    const s = await server({ job: { polls: 3, resultTable: '12411-01-01-4' } });
    const out = join(tmp(), 'job.json');
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url, '-o', out]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(
      s.requests.map((q) => `${q.endpoint} ${q.form.job ?? ''}`.trim()),
      ['metadata/table', 'data/tablefile false', 'data/tablefile true', 'catalogue/results', 'catalogue/results', 'catalogue/results', 'catalogue/results', 'data/resultfile'],
    );
    assert.deepEqual(s.requests[3]!.form, { selection: '12531-0043_175879554', area: 'user', pagelength: '1', language: 'de' });
    assert.deepEqual(s.requests[7]!.form, { name: '12531-0043_175879554', area: 'all', compress: 'false', format: 'ffcsv', quality: 'off', language: 'de' });
    assert.deepEqual({ ...s.requests[2]!.form, job: 'false' }, { ...s.requests[1]!.form });
    assert.match(r.err, /zu groß für einen Abruf; der Dienst erstellt die Tabelle im Hintergrund als „12531-0043_175879554“/);
    assert.equal(r.err.match(/Hintergrundauftrag „12531-0043_175879554“ läuft noch \(\d\. Abfrage, .* vergangen\); nächste Abfrage in /g)?.length, 3);
    assert.match(r.err, /Hintergrundauftrag „12531-0043_175879554“ fertig, lade das Ergebnis/);
    const doc = readJson(out);
    assert.equal(doc.observations.find((o: any) => o.region === '15085' && o.breakdown.geschlecht === 'insgesamt').value, 205484);
  });

  it('starts a background job once: a network fault on that request is not retried, and says where to look', async () => {
    const s = await server({ job: { polls: 0, resultTable: '12411-01-01-4' }, faults: [{ endpoint: 'data/tablefile', form: { job: 'true' }, fault: { kind: 'drop' } }] });
    const out = join(tmp(), 'job.json');
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url, '-o', out]);
    assert.equal(r.code, 2);
    assert.equal(s.requests.filter((q) => q.form.job === 'true').length, 1);
    assert.match(r.err, /Der Hintergrundauftrag wurde vielleicht trotzdem angelegt: bitte unter „Ergebnisse“ im Konto nachsehen/);
    assert.equal(existsSync(out), false);
  });

  it('asks GENESIS-Online for its quality marks (quality=on), so that provisional figures stay marked', async () => {
    const s = await server({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'recorded', name: 'destatis_63121-0001_data-tablefile_de_status104' } }] });
    await run(['fetch', '12411-01-01-4', '--database', 'destatis', '--api-url', s.url, '-o', join(tmp(), 'x.json')]);
    assert.equal(s.requests.find((q) => q.endpoint === 'data/tablefile')!.form.quality, 'on');
  });

  it('gives up after the job time limit, with a message', async () => {
    const s = await server({ job: { polls: 1000, resultTable: '12411-01-01-4' } });
    const out = join(tmp(), 'job.json');
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url, '-o', out], { ...ENV, KREISDOSSIER_GENESIS_JOB_TIMEOUT_MS: '150' });
    assert.equal(r.code, 2);
    assert.match(r.err, /der Hintergrundauftrag „12531-0043_175879554“ ist nach \d+ ms noch nicht fertig; aufgegeben/);
    assert.equal(existsSync(out), false);
  });

  it('an API token cannot start a job: says so and what to do, starts none', async () => {
    const s = await server({ credentials: { token: TOKEN }, job: { polls: 0, resultTable: '12411-01-01-4' } });
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url, '--lang', 'en'], TOKEN_ENV);
    assert.equal(r.code, 2);
    assert.match(r.err, /too large for one request \(status 98: “Die Tabelle ist zu gross/);
    assert.match(r.err, /an API token cannot start \(tokens are read-only\)\. Please use the username and password of an account/);
    assert.equal(s.requests.filter((q) => q.form.job === 'true').length, 0);
  });

  it('an account that may not start jobs: the refusal quoted, with what to do', async () => {
    const s = await server({
      faults: [
        { endpoint: 'data/tablefile', form: { job: 'false' }, fault: { kind: 'recorded', name: 'destatis_12531-0043_data-tablefile_de_status98' } },
        { endpoint: 'data/tablefile', form: { job: 'true' }, fault: { kind: 'status', code: 15, content: 'keine Berechtigung (synthetisch)', type: 'Fehler' } },
      ],
    });
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url]);
    assert.equal(r.code, 2);
    assert.match(r.err, /Status 15 \(Fehler\): „keine Berechtigung \(synthetisch\)“/);
    assert.match(r.err, /Darf das Konto Hintergrundaufträge starten\?/);
  });
});

describe('kreisdossier fetch: failures end with exit code 2, a message and no file', () => {
  /** Runs a fetch that must fail; returns stderr. */
  async function fails(options: ReplayOptions, extra: string[] = [], env: NodeJS.ProcessEnv = ENV): Promise<{ err: string; s: ReplayServer }> {
    const s = await server(options);
    const out = join(tmp(), 'out.json');
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url, '-o', out, ...extra], env);
    assert.equal(r.code, 2, r.err);
    assert.equal(existsSync(out), false, 'no output file');
    assert.equal(r.out, '');
    assert.match(r.err, /Nichts geschrieben\.|Nothing written\./);
    return { err: r.err, s };
  }

  it('no credentials: how to get a free account and how to pass them; nothing sent', async () => {
    const s = await server();
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url, '-o', join(tmp(), 'x.json')], { LANG: 'de_DE.UTF-8' });
    assert.equal(r.code, 2);
    assert.match(r.err, /Keine Zugangsdaten für den GENESIS-Webservice gefunden\./);
    assert.match(r.err, /kostenloses\) Konto: Registrierung unter https:\/\/www\.regionalstatistik\.de\/genesis\/online/);
    assert.match(r.err, /KREISDOSSIER_GENESIS_USERNAME und KREISDOSSIER_GENESIS_PASSWORD \(oder KREISDOSSIER_GENESIS_TOKEN/);
    assert.match(r.err, /--credentials DATEI/);
    assert.equal(s.requests.length, 0);
    const half = await run(['fetch', '12411-01-01-4', '--api-url', s.url], { KREISDOSSIER_GENESIS_USERNAME: USER });
    assert.match(half.err, /KREISDOSSIER_GENESIS_PASSWORD ist nicht gesetzt/);
  });

  it('a broken credentials file is refused without quoting it', async () => {
    const dir = tmp();
    const file = join(dir, 'zugang.json');
    writeFileSync(file, `{"username": "${USER}", "password": "${SECRET}"`); // not closed
    const r = await run(['fetch', '12411-01-01-4', '--credentials', file, '--api-url', 'http://127.0.0.1:9/'], { LANG: 'de_DE.UTF-8' });
    assert.equal(r.code, 2);
    assert.match(r.err, /--credentials: die Datei ist kein gültiges JSON/);
    assert.ok(!r.err.includes(USER));
    // A secret given by mistake as the file name is not echoed either.
    const named = await run(['fetch', '12411-01-01-4', '--credentials', SECRET, '--api-url', 'http://127.0.0.1:9/'], { LANG: 'de_DE.UTF-8' });
    assert.match(named.err, /--credentials: die Datei gibt es nicht/);
  });

  it('credentials that cannot go in an HTTP header, and a fetch without tables', async () => {
    const s = await server();
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url], { ...ENV, KREISDOSSIER_GENESIS_PASSWORD: `${SECRET}\n` });
    assert.equal(r.code, 2);
    assert.match(r.err, /Die Zugangsdaten enthalten Zeichen, die nicht in eine HTTP-Kopfzeile passen/);
    // A space at either end would be dropped by HTTP and the login refused as wrong: said before anything is sent.
    const spaced = await run(['fetch', '12411-01-01-4', '--api-url', s.url], { ...ENV, KREISDOSSIER_GENESIS_PASSWORD: `${SECRET} ` });
    assert.equal(spaced.code, 2);
    assert.match(spaced.err, /beginnen oder enden mit einem Leerzeichen/);
    assert.ok(!spaced.err.includes(SECRET));
    const none = await run(['fetch', '--api-url', s.url]);
    assert.equal(none.code, 2);
    assert.match(none.err, /^kreisdossier fetch TABELLE… \[Optionen\] -o aus\.json/);
    assert.equal(s.requests.length, 0);
  });

  it('wrong credentials (HTTP 404 with Code 2): one message, the other tables not asked', async () => {
    const s = await server();
    const out = join(tmp(), 'x.json');
    const r = await run(['fetch', '12411-01-01-4', '13111-01-03-4', '73111-01-01-4', '--api-url', s.url, '-o', out], { ...ENV, KREISDOSSIER_GENESIS_PASSWORD: 'falsch' });
    assert.equal(r.code, 2);
    assert.equal(r.err.match(/Anmeldung abgelehnt: Benutzername oder Passwort \(oder Token\) ist falsch \(HTTP 404, Code 2\)/g)?.length, 1, r.err);
    assert.ok(s.requests.length <= 2, `stopped after the refusal (${s.requests.length} requests)`);
    assert.ok(!s.requests.some((q) => q.form.name === '73111-01-01-4'));
    assert.equal(existsSync(out), false);
  });

  it('HTTP 401/403 (not authorised)', async () => {
    const { err } = await fails({ faults: [{ fault: { kind: 'http', status: 401, body: '{"Code":15,"Content":"nicht berechtigt (synthetisch)","Type":"ERROR"}', contentType: 'application/json' } }] });
    assert.match(err, /Der Dienst lässt diese Anmeldung nicht zu \(HTTP 401, Code 15\)/);
    assert.match(err, /Registrierung unter/);
    const forbidden = await fails({ faults: [{ fault: { kind: 'http', status: 403 } }] }, ['--lang', 'en']);
    assert.match(forbidden.err, /The service does not accept this login \(HTTP 403\)/);
  });

  it('table not found (status 90, and 104 from metadata/table)', async () => {
    const { err } = await fails({ faults: [{ endpoint: 'metadata/table', fault: { kind: 'status', code: 90, content: 'Tabelle nicht gefunden (synthetisch)', type: 'Fehler' } }] });
    assert.match(err, /^12411-01-01-4: die Tabelle gibt es in der Regionaldatenbank \(regionalstatistik\.de\) nicht \(Status 90: „Tabelle nicht gefunden \(synthetisch\)“\)\. .*--database destatis/m);
    // A table nothing was recorded for: the replay gives the recorded "no objects" answer (104).
    const s = await server();
    const r = await run(['fetch', '99999-01-01-4', '--api-url', s.url]);
    assert.equal(r.code, 2);
    assert.match(r.err, /^99999-01-01-4: der Dienst kennt diese Tabelle nicht \(Status 104: „Es gibt keine Objekte zum angegebenen Selektionskriterium“\)/m);
  });

  it('nothing found for the selection (status 104 from data/tablefile)', async () => {
    const { err } = await fails({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'recorded', name: 'destatis_63121-0001_data-tablefile_de_status104' } }] });
    assert.match(err, /^12411-01-01-4: nichts gefunden \(Status 104: „Es gibt keine Objekte zum angegebenen Selektionskriterium“\): für diese Auswahl/m);
  });

  it('server error (status -1), quoting the service', async () => {
    const { err } = await fails({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'recorded', name: 'destatis_61111-0021_data-tablefile_de_status-1' } }] });
    assert.match(err, /^12411-01-01-4: Fehler beim Dienst \(Status -1\)\. Er meldet: „Für die Teiltabelle mit der Metadatenkombination: Verbraucherpreisindex für Deutschland \(61111\) .* wurde kein Datenquader gefunden!/m);
  });

  it('status 22 (a parameter adjusted) is told, and the fetch goes on; status 50 ends it', async () => {
    const adjusted = await server({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'status', code: 22, content: 'erfolgreich mit Parameteranpassung: endyear (synthetisch)', type: 'Warnung' } }] });
    const r = await run(['fetch', '12411-01-01-4', '--api-url', adjusted.url]);
    assert.equal(r.code, 2);
    assert.match(r.err, /der Dienst hat eine Angabe angepasst, aber keine Daten geschickt \(Status 22: „erfolgreich mit Parameteranpassung: endyear \(synthetisch\)“\)/);
    const note = await server({ faults: [{ endpoint: 'metadata/table', fault: { kind: 'status', code: 22, content: 'Parameter angepasst (synthetisch)', type: 'Warnung' } }] });
    const r2 = await run(['fetch', '12411-01-01-4', '--from', '2024', '--to', '2024', '--api-url', note.url]);
    assert.match(r2.err, /12411-01-01-4: Hinweis: der Dienst hat eine Angabe angepasst \(Status 22\): „Parameter angepasst \(synthetisch\)“/);
    assert.deepEqual(note.requests.map((q) => q.endpoint), ['metadata/table', 'data/tablefile'], 'the fetch went on after the note');
    const { err } = await fails({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'status', code: 50, content: 'keine neueren Daten (synthetisch)' } }] });
    assert.match(err, /der Dienst hat keine neueren Daten \(Status 50/);
  });

  it('HTTP 500: no retry (an answer is not a network fault)', async () => {
    const { err, s } = await fails({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'http', status: 500 } }] });
    assert.match(err, /der Dienst antwortet mit einem Fehler \(HTTP 500 Internal Server Error\) \[text\/html;charset=UTF-8\]\. Der Fehler liegt beim Dienst/);
    assert.equal(s.requests.filter((q) => q.endpoint === 'data/tablefile').length, 1);
  });

  it('a hanging service: per-request timeout, bounded retries with backoff, then a message', async () => {
    const { err, s } = await fails({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'hang' } }] }, [], { ...ENV, KREISDOSSIER_GENESIS_TIMEOUT_MS: '100' });
    assert.match(err, /keine Antwort innerhalb von 100 ms; neuer Versuch in 5 ms \(2\/4\)/);
    assert.match(err, /neuer Versuch in 10 ms \(3\/4\)/);
    assert.match(err, /neuer Versuch in 20 ms \(4\/4\)/);
    assert.match(err, /der GENESIS-Webservice \(127\.0\.0\.1:\d+\) ist nicht erreichbar: keine Antwort innerhalb von 100 ms \(4 Versuche\)/);
    assert.equal(s.requests.filter((q) => q.endpoint === 'data/tablefile').length, 4);
  });

  it('a slow but steady download is not cut off: the timeout is for silence, not for the whole transfer', async () => {
    // 16 pieces 100 ms apart take 1.5 s, longer than the 1 s timeout; each gap is a tenth of it (room for a busy machine).
    const s = await server({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'trickle', name: 'regio_12411-01-01-4_data-tablefile_de', chunks: 16, gapMs: 100 } }] });
    const out = join(tmp(), 'slow.json');
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url, '-o', out], { ...ENV, KREISDOSSIER_GENESIS_TIMEOUT_MS: '1000' });
    assert.equal(r.code, 0, r.err);
    assert.equal(s.requests.filter((q) => q.endpoint === 'data/tablefile').length, 1);
    assert.equal(readJson(out).observations.find((o: any) => o.region === '15085' && o.breakdown.geschlecht === 'insgesamt').value, 205484);
  });

  it('a dropped connection is retried, and the fetch succeeds when the service answers again', async () => {
    const s = await server({ faults: [{ endpoint: 'data/tablefile', times: 2, fault: { kind: 'drop' } }] });
    const out = join(tmp(), 'x.json');
    const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url, '-o', out]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err.match(/Verbindung abgebrochen; neuer Versuch/g)?.length, 2);
    assert.equal(s.requests.filter((q) => q.endpoint === 'data/tablefile').length, 3);
    assert.ok(existsSync(out));
  });

  it('connection refused', async () => {
    const port = await closedPort();
    const out = join(tmp(), 'x.json');
    const r = await run(['fetch', '12411-01-01-4', '--api-url', `http://127.0.0.1:${port}/genesisws/rest/2020/`, '-o', out]);
    assert.equal(r.code, 2);
    assert.match(r.err, /ist nicht erreichbar: Verbindung abgelehnt \(4 Versuche\)/);
    assert.equal(existsSync(out), false);
  });

  it('a body that is neither ZIP nor JSON', async () => {
    const { err } = await fails({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'body', body: '<!DOCTYPE html><html><body>Wartungsarbeiten</body></html>' } }] });
    assert.match(err, /die Antwort ist weder eine ZIP-Datei noch eine Statusmeldung \(JSON\) \(Content-Type text\/html;charset=UTF-8, 57 Bytes\)/);
    assert.ok(!err.includes('Wartungsarbeiten'), 'no HTML dumped');
  });

  it('a ZIP with no file or with two files', async () => {
    const none = await fails({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'zip', entries: {} } }] });
    assert.match(none.err, /die ZIP-Datei des Dienstes enthält keine Datei/);
    const two = await fails({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'zip', entries: { 'a_flat.csv': 'x\n', 'b_flat.csv': 'y\n' } } }] });
    assert.match(two.err, /die ZIP-Datei des Dienstes enthält 2 Dateien statt einer \(a_flat\.csv, b_flat\.csv\)/);
  });

  it('a flat file the adapter refuses: its reason, with the file and line', async () => {
    const csv = readFileSync(join(root, 'data-adapters/fixtures/formats/genesis-ffcsv/12411-01-01-4_1773175772751_de_flat.csv'), 'utf8');
    const cut = csv.slice(0, csv.indexOf('\n', 2000) + 40); // the last line cut off
    const { err } = await fails({ faults: [{ endpoint: 'data/tablefile', fault: { kind: 'zip', entries: { '12411-01-01-4_de_flat.csv': cut } } }] });
    assert.match(err, /^12411-01-01-4: die Tabelle des Dienstes lässt sich nicht übernehmen \(12411-01-01-4_de_flat\.csv:\d+\): die Zeile hat \d+ Felder, die Kopfzeile 17/m);
  });

  it('a redirect is not followed (the credentials would go along)', async () => {
    const { err, s } = await fails({ faults: [{ endpoint: 'metadata/table', fault: { kind: 'redirect', location: 'https://example.invalid/genesisws/rest/2020/metadata/table' } }] });
    assert.match(err, /der Dienst leitet weiter \(HTTP 302 Found\) nach https:\/\/example\.invalid\/.*Weiterleitungen werden nicht befolgt/);
    assert.equal(s.requests.length, 1);
  });

  it('one file per table into a folder is all or nothing', async () => {
    const s = await server();
    const dir = join(tmp(), 'daten');
    mkdirSync(join(dir, '13111-01-03-4.json'), { recursive: true }); // the second table's file cannot be written
    const r = await run(['fetch', '12411-01-01-4', '13111-01-03-4', '--api-url', s.url, '-o', `${dir}/`]);
    assert.equal(r.code, 2);
    assert.match(r.err, /13111-01-03-4\.json: die Ausgabedatei kann nicht geschrieben werden .*; nichts geschrieben/);
    assert.deepEqual(readdirSync(dir), ['13111-01-03-4.json']);
  });

  it('contradicting tables are not merged (exit 2), and a folder output takes them apart', async () => {
    const s = await server();
    const out = join(tmp(), 'x.json');
    // --indicator names the first indicator of each table: two different measures under one id.
    const r = await run(['fetch', '12411-01-01-4', '13111-01-03-4', '--indicator', 'anzahl', '--api-url', s.url, '-o', out]);
    assert.equal(r.code, 2);
    assert.match(r.err, /^13111-01-03-4: \$\.indicators\[0\]: /m);
    assert.match(r.err, /Die Tabellen widersprechen sich; nichts geschrieben/);
    assert.equal(existsSync(out), false);
  });

  it('wrong options: --level, --region, --from/--to, --api-url with credentials, --database', async () => {
    const s = await server();
    const cases: Array<[string[], RegExp]> = [
      [['--level', 'land'], /--level land: erlaubt sind kreis und gemeinde/],
      [['--region', '1508'], /--region 1508: erwartet wird ein amtlicher Gemeindeschlüssel/],
      [['--region', '15085040', '--level', 'kreis'], /--region 15085040 liegt unterhalb der Ebene --level kreis/],
      [['--from', '2020', '--to', '2010'], /--from 2020 liegt nach --to 2010/],
      [['--from', '20x0'], /--from 20x0: erwartet wird eine Jahreszahl/],
      [['--database', 'zensus'], /--database zensus: erlaubt sind regionalstatistik und destatis/],
    ];
    for (const [extra, message] of cases) {
      const r = await run(['fetch', '12411-01-01-4', '--api-url', s.url, ...extra]);
      assert.equal(r.code, 2, extra.join(' '));
      assert.match(r.err, message);
    }
    const withUser = await run(['fetch', '12411-01-01-4', '--api-url', `http://${USER}:x@127.0.0.1:9/`]);
    assert.match(withUser.err, /--api-url: die Adresse darf keine Zugangsdaten enthalten/);
    assert.equal(s.requests.length, 0);
  });
});
