// Never rendered: `tsc -p examples/react18` checks that the wrappers' types refuse what would go wrong
// (test/e2e/examples-react.test.ts). Each @ts-expect-error fails the check if the line below it type-checks.
import { AsnProgressCard, AsnProvider } from 'pembinaan-asn/react';

export const refused = (
  <>
    {/* @ts-expect-error `year` is a number (AsnProgressCard['year']), not text */}
    <AsnProgressCard employee="me" year="2025" />
    {/* @ts-expect-error no such property */}
    <AsnProgressCard employee="me" yaer={2025} />
    {/* @ts-expect-error the listener gets the element's CustomEvent, not a MouseEvent */}
    <AsnProgressCard onAsnProgressLoaded={(event: MouseEvent) => event.button} />
    {/* @ts-expect-error `getToken` returns a token (or a promise of one), not a number */}
    <AsnProvider getToken={() => 42} />
  </>
);

export const accepted = <AsnProgressCard employee="emp_1" offline onAsnProgressLoaded={(event) => event.detail.summary.learning.jp.toFixed()} />;
