import { msg } from '@lit/localize';
import type { Competency } from '../../src/contract/index.js';

/** The name of a competency type (progress card, goal list), in the active locale. */
export function competencyLabel(competency: Competency): string {
  switch (competency) {
    case 'technical':
      return msg('Teknis');
    case 'managerial':
      return msg('Manajerial');
    default:
      return msg('Sosial kultural');
  }
}
