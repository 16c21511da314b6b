import { defineElement } from '../base/define.js';
import { IndikatorTabelle } from './indikator-tabelle.js';

defineElement('indikator-tabelle', IndikatorTabelle);

export { IndikatorTabelle };
