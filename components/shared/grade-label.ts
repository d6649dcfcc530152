import { msg, str } from '@lit/localize';
import type { Employee } from '../../src/contract/index.js';

/**
 * A grade with its scale: PNS grades are golongan/ruang (`III/a`), PPPK grades a separate scale of roman numerals
 * (`IX`), so `III` alone could be read as a PNS golongan. `Gol. III/a` / `PPPK gol. IX`.
 */
export function gradeLabel(type: Employee['employmentType'], grade: string): string {
  return type === 'PPPK' ? msg(str`PPPK gol. ${grade}`) : msg(str`Gol. ${grade}`);
}
