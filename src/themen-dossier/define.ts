import { defineElement } from '../base/define.js';
import { ThemenDossier } from './themen-dossier.js';

defineElement('themen-dossier', ThemenDossier);

export { ThemenDossier };
