// Fails when a UI string has no English translation, or a translation that no longer fits its
// German source (a placeholder added, dropped or changed). Run after `lit-localize extract`.
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';

const xml = new DOMParser().parseFromString(readFileSync('xliff/en.xlf', 'utf8'), 'text/xml');
const units = Array.from(xml.getElementsByTagName('trans-unit'));
const placeholders = (node) =>
  Array.from(node.getElementsByTagName('x'))
    .map((x) => `${x.getAttribute('id')}=${x.getAttribute('equiv-text')}`)
    .sort()
    .join('|');
const missing = [];
const stale = [];
for (const u of units) {
  const target = u.getElementsByTagName('target')[0];
  if (!target) missing.push(u.getAttribute('id'));
  else if (placeholders(target) !== placeholders(u.getElementsByTagName('source')[0])) stale.push(u.getAttribute('id'));
}
if (missing.length) console.error(`Missing English translations in xliff/en.xlf (${missing.length}):\n  ${missing.join('\n  ')}`);
if (stale.length) console.error(`English translations whose placeholders differ from the German source (${stale.length}):\n  ${stale.join('\n  ')}`);
if (missing.length || stale.length) process.exit(1);
console.log(`xliff/en.xlf: all ${units.length} messages translated.`);
