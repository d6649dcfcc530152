// After `lit-localize extract && build` (npm run i18n): fail while a source string (Indonesian) has no English
// translation in xliff/en.xlf, so a new string never reaches an English page untranslated by accident.
import { readFileSync } from 'node:fs';

const xliff = readFileSync('xliff/en.xlf', 'utf8');
const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
const untranslated = units.filter(([, , body]) => !/<target>[\s\S]*?<\/target>/.test(body));
for (const [, id, body] of untranslated) console.error(`${id}: ${/<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? ''}`);
if (untranslated.length > 0) {
  console.error(`${untranslated.length} of ${units.length} string(s) have no English translation in xliff/en.xlf: add a <target> to each, then run npm run i18n again.`);
  process.exitCode = 1;
} else {
  console.log(`xliff/en.xlf: all ${units.length} strings translated.`);
}
