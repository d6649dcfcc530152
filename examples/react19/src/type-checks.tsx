// Never rendered: `tsc -p examples/react19` checks that the JSX types refuse what React 19 would get wrong
// (test/e2e/examples-react.test.ts). Each @ts-expect-error fails the check if the line below it type-checks.
import type {} from 'pembinaan-asn/react/jsx';

export const refused = (
  <>
    {/* @ts-expect-error `year` is a number (AsnProgressCard['year']), not text */}
    <asn-progress-card employee="me" year="2025" />
    {/* @ts-expect-error no such property */}
    <asn-progress-card employee="me" yaer={2025} />
    {/* @ts-expect-error React 19 would listen to an event named `AsnProgressLoaded`: the React 18 wrappers' name */}
    <asn-progress-card onAsnProgressLoaded={() => {}} />
    {/* @ts-expect-error the listener gets the element's CustomEvent, not a MouseEvent */}
    <asn-progress-card onasn-progress-loaded={(event: MouseEvent) => event.button} />
    {/* @ts-expect-error `getToken` returns a token (or a promise of one), not a number */}
    <asn-provider getToken={() => 42} />
  </>
);

export const accepted = (
  <asn-progress-card
    employee="emp_1"
    offline
    onasn-progress-loadedCapture={(event) => event.detail.summary.learning.jp.toFixed()}
  />
);
