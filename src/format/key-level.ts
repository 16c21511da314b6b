/** Region levels from official keys (shared by the catalogue code and the CLI; not needed by the elements' core). */
import type { RegionLevel } from './types.js';

/**
 * The level an official key stands for by its length (AGS: 2 Land, 3 Regierungsbezirk, 5 Kreis, 8 Gemeinde;
 * 9 Gemeindeverband; "DG" Deutschland); undefined for a 12-digit ARS, whose level its length does not tell.
 */
export function levelOfKeyLength(key: string): RegionLevel | undefined {
  if (key === 'DG') return 'Bund';
  return ({ 2: 'Land', 3: 'Regierungsbezirk', 5: 'Kreis', 8: 'Gemeinde', 9: 'Gemeindeverband' } as const)[key.length as 2 | 3 | 5 | 8 | 9];
}
