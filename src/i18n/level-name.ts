import { msg } from '@lit/localize';
import type { RegionLevel } from '../format/types.js';

/** The name of a region level in the current language: "Kreis", "Gemeinde" … */
export function levelName(level: RegionLevel): string {
  switch (level) {
    case 'Bund':
      return msg('Bund', { id: 'picker.level.bund' });
    case 'Land':
      return msg('Land', { id: 'picker.level.land' });
    case 'Regierungsbezirk':
      return msg('Regierungsbezirk', { id: 'picker.level.regierungsbezirk' });
    case 'Kreis':
      return msg('Kreis', { id: 'picker.level.kreis' });
    case 'Gemeindeverband':
      return msg('Gemeindeverband', { id: 'picker.level.gemeindeverband' });
    case 'Gemeinde':
      return msg('Gemeinde', { id: 'picker.level.gemeinde' });
  }
}
