import { msg } from '@lit/localize';
import type { Feedback } from '../../src/contract/index.js';

/** A supervisor's rating (feedback form and feed), in the active locale; `''` is the form's "no rating" choice. */
export function ratingLabel(rating: NonNullable<Feedback['rating']> | ''): string {
  switch (rating) {
    case 'above':
      return msg('Di atas ekspektasi');
    case 'meets':
      return msg('Sesuai ekspektasi');
    case 'below':
      return msg('Di bawah ekspektasi');
    default:
      return msg('Tanpa penilaian');
  }
}
