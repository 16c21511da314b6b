import { defineElement } from '../base/define.js';
import { RegionAuswahl } from './region-auswahl.js';

defineElement('region-auswahl', RegionAuswahl);

export { RegionAuswahl };
