import { defineElement } from '../base/define.js';
import { KreisMap } from './kreis-map.js';

defineElement('kreis-map', KreisMap);

export { KreisMap };
