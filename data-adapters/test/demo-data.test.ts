// `npm run data` must reproduce the committed demo data exactly from the committed raw files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

it('npm run data reproduces demo/data byte for byte', () => {
  const out = mkdtempSync(join(tmpdir(), 'kd-demo-'));
  execFileSync('node', ['scripts/build-demo-data.js'], { cwd: root, env: { ...process.env, KD_DEMO_OUT: out }, stdio: 'pipe' });
  // demo/data/de/ is the nationwide data of scripts/build-nationwide-data.js: generated, not committed, not this test's.
  const NATIONWIDE = new Set(['de', 'de.build']);
  const list = (dir: string, sub = ''): string[] =>
    readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (sub === '' && NATIONWIDE.has(e.name) ? [] : list(dir, join(sub, e.name))) : e.name.endsWith('.json') ? [join(sub, e.name)] : [],
    );
  const committed = list(join(root, 'demo/data')).sort();
  assert.deepEqual(list(out).sort(), committed);
  assert.ok(committed.length >= 13);
  for (const file of committed) {
    assert.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(root, 'demo/data', file), 'utf8'), file);
  }
});
