/**
 * The seven dossier topics: the format's German names, short URL slugs (for
 * the `topic` attribute and the URL hash), labels in both languages, and what
 * official data a topic would need when a dossier has none for it.
 */
import { msg } from '@lit/localize';
import type { Topic } from '../format/types.js';

export { ALL_TOPICS, parseTopic, TOPIC_SLUGS } from '../format/topic-slugs.js';

export function topicLabel(topic: Topic): string {
  switch (topic) {
    case 'Bevölkerung':
      return msg('Bevölkerung', { id: 'topic.bevoelkerung' });
    case 'Gesundheit und Pflege':
      return msg('Gesundheit und Pflege', { id: 'topic.gesundheit-pflege' });
    case 'Bildung':
      return msg('Bildung', { id: 'topic.bildung' });
    case 'Arbeitsmarkt und Wirtschaft':
      return msg('Arbeitsmarkt und Wirtschaft', { id: 'topic.arbeitsmarkt-wirtschaft' });
    case 'Soziale Lage':
      return msg('Soziale Lage', { id: 'topic.soziale-lage' });
    case 'Digitalisierung':
      return msg('Digitalisierung', { id: 'topic.digitalisierung' });
    case 'Strukturwandel':
      return msg('Strukturwandel', { id: 'topic.strukturwandel' });
  }
}

/**
 * Official statistics that would fill a topic, said when a dossier has no data
 * for it: the publisher and the statistic, so a webmaster knows what to ask for.
 */
export function topicNeeds(topic: Topic): string[] {
  switch (topic) {
    case 'Bevölkerung':
      return [
        msg('Bevölkerungsstand nach Geschlecht und Alter (Fortschreibung des Bevölkerungsstandes, Regionalstatistik 12411)', { id: 'needs.bevoelkerung.stand' }),
        msg('Geburten und Sterbefälle (Regionalstatistik 12612 und 12613)', { id: 'needs.bevoelkerung.bewegung' }),
        msg('Zu- und Fortzüge (Wanderungsstatistik)', { id: 'needs.bevoelkerung.wanderung' }),
      ];
    case 'Gesundheit und Pflege':
      return [
        msg('Pflegebedürftige und Pflegeeinrichtungen (Pflegestatistik, Regionalstatistik 22411)', { id: 'needs.gesundheit.pflege' }),
        msg('Krankenhäuser und Betten (Krankenhausstatistik)', { id: 'needs.gesundheit.krankenhaus' }),
        msg('Ärztinnen und Ärzte je Einwohner (Kassenärztliche Vereinigung, Ärztekammer)', { id: 'needs.gesundheit.aerzte' }),
      ];
    case 'Bildung':
      return [
        msg('Schulen, Schülerinnen und Schüler nach Schulart (Schulstatistik, Regionalstatistik 21111)', { id: 'needs.bildung.schulen' }),
        msg('Schulabgängerinnen und -abgänger nach Abschluss (Schulstatistik)', { id: 'needs.bildung.abschluesse' }),
        msg('Betreuungsquote von Kindern in Kindertageseinrichtungen (Kinder- und Jugendhilfestatistik)', { id: 'needs.bildung.kita' }),
      ];
    case 'Arbeitsmarkt und Wirtschaft':
      return [
        msg('Arbeitslose und Arbeitslosenquote (Bundesagentur für Arbeit, Regionalstatistik 13211)', { id: 'needs.arbeit.arbeitslose' }),
        msg('Sozialversicherungspflichtig Beschäftigte (Bundesagentur für Arbeit, Regionalstatistik 13111)', { id: 'needs.arbeit.beschaeftigte' }),
        msg('Bruttoinlandsprodukt je Erwerbstätigen (Volkswirtschaftliche Gesamtrechnungen der Länder)', { id: 'needs.arbeit.bip' }),
      ];
    case 'Soziale Lage':
      return [
        msg('Leistungsberechtigte nach dem SGB II („Bürgergeld“) und SGB-II-Quote (Bundesagentur für Arbeit)', { id: 'needs.sozial.sgb2' }),
        msg('Empfängerinnen und Empfänger von Grundsicherung im Alter und bei Erwerbsminderung (Sozialhilfestatistik)', { id: 'needs.sozial.grundsicherung' }),
        msg('Verfügbares Einkommen der privaten Haushalte je Einwohner (Volkswirtschaftliche Gesamtrechnungen der Länder)', { id: 'needs.sozial.einkommen' }),
      ];
    case 'Digitalisierung':
      return [
        msg('Breitbandverfügbarkeit der Haushalte nach Bandbreite und Technologie (Breitbandatlas / Gigabit-Grundbuch der Bundesnetzagentur)', { id: 'needs.digital.breitband' }),
        msg('Mobilfunkversorgung der Fläche (Mobilfunk-Monitoring der Bundesnetzagentur)', { id: 'needs.digital.mobilfunk' }),
      ];
    case 'Strukturwandel':
      return [
        msg('Siedlungs- und Verkehrsfläche und ihre Veränderung (Flächenerhebung, Regionalatlas)', { id: 'needs.struktur.flaeche' }),
        msg('Beschäftigte nach Wirtschaftszweigen (Bundesagentur für Arbeit)', { id: 'needs.struktur.branchen' }),
        msg('Gewerbean- und -abmeldungen (Gewerbeanzeigenstatistik)', { id: 'needs.struktur.gewerbe' }),
      ];
  }
}
