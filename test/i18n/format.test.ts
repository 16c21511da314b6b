import { expect } from '@open-wc/testing';
import { formatChange, formatDate, formatNumber, formatPercent, formatPeriod, formatWithUnit } from '../../src/i18n/format.js';
import { langOf, loadLocale, toLocale, withLocale } from '../../src/i18n/locale.js';
import { statusSymbolInfo } from '../../src/format/status-symbols.js';

const de = <T>(fn: () => T) => withLocale('de', fn);
const en = <T>(fn: () => T) => withLocale('en', fn);
before(() => loadLocale('en'));

describe('formatting', () => {
  it('formats numbers with grouping and fixed decimals', () => {
    expect(de(() => formatNumber(221366, 0))).to.equal('221.366');
    expect(en(() => formatNumber(221366, 0))).to.equal('221,366');
    expect(de(() => formatNumber(1234.5, 1))).to.equal('1.234,5');
    expect(en(() => formatNumber(1234.5, 1))).to.equal('1,234.5');
    expect(de(() => formatNumber(7, 1))).to.equal('7,0');
  });

  it('formats percentages and changes', () => {
    expect(de(() => formatPercent(1234.5))).to.equal('1.234,5\u00a0%');
    expect(en(() => formatPercent(1234.5))).to.equal('1,234.5%');
    expect(de(() => formatChange(-6.9))).to.equal('-6,9\u00a0%');
    expect(de(() => formatChange(1.25, 2))).to.equal('+1,25\u00a0%');
    expect(en(() => formatChange(-5.7))).to.equal('-5.7%');
  });

  it('writes values with their unit', () => {
    expect(de(() => formatWithUnit(221366, 'Personen', 0))).to.equal('221.366\u00a0Personen');
    expect(de(() => formatWithUnit(7.2, '%', 1))).to.equal('7,2\u00a0%');
    expect(en(() => formatWithUnit(7.2, '%', 1))).to.equal('7.2%');
  });

  it('formats dates and every kind of period', () => {
    expect(de(() => formatDate('2024-12-31'))).to.equal('31.12.2024');
    expect(en(() => formatDate('2024-12-31'))).to.equal('31 Dec 2024');
    expect(de(() => formatPeriod('2015-12-31'))).to.equal('31.12.2015');
    expect(de(() => formatPeriod('2015'))).to.equal('2015');
    expect(de(() => formatPeriod('2018-06'))).to.equal('Juni 2018');
    expect(en(() => formatPeriod('2018-06'))).to.equal('June 2018');
    expect(de(() => formatPeriod('2015-Q1'))).to.equal('1. Quartal 2015');
    expect(en(() => formatPeriod('2015-Q1'))).to.equal('Q1 2015');
    expect(de(() => formatPeriod('2015/16'))).to.equal('2015/16');
  });

  it('explains the official status symbols in both languages', () => {
    expect(de(() => statusSymbolInfo('.')?.label)).to.equal('Zahlenwert unbekannt oder geheim zu halten');
    expect(en(() => statusSymbolInfo('.')?.label)).to.equal('value unknown or to be kept secret');
    expect(de(() => statusSymbolInfo('-'))).to.include({ replacesValue: true, label: 'nichts vorhanden' });
    expect(de(() => statusSymbolInfo('p'))).to.include({ replacesValue: false, label: 'vorläufige Zahl' });
    expect(statusSymbolInfo('?')).to.equal(undefined);
  });
});

describe('language resolution', () => {
  it('maps tags to supported locales', () => {
    expect(toLocale('en-GB')).to.equal('en');
    expect(toLocale('EN')).to.equal('en');
    expect(toLocale('de-AT')).to.equal('de');
    expect(toLocale('fr')).to.equal('de');
    expect(toLocale('')).to.equal('de');
  });

  it('takes the nearest lang, across shadow roots', () => {
    const outer = document.createElement('div');
    outer.lang = 'en';
    const host = document.createElement('div');
    outer.append(host);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(langOf(inner)).to.equal('en');
    inner.lang = 'de';
    expect(langOf(inner)).to.equal('de');
  });
});
