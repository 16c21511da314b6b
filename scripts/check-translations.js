// Fails when a UI string has no English translation (run after `lit-localize extract`).
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';

const xml = new DOMParser().parseFromString(readFileSync('xliff/en.xlf', 'utf8'), 'text/xml');
const units = Array.from(xml.getElementsByTagName('trans-unit'));
const missing = units.filter((u) => u.getElementsByTagName('target').length === 0).map((u) => u.getAttribute('id'));
if (missing.length) {
  console.error(`Missing English translations in xliff/en.xlf (${missing.length}):\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`xliff/en.xlf: all ${units.length} messages translated.`);
