// Shared by the React 19, React 18 and Vue examples (examples/shared/).
// A sandbox stand-in for the portal's own session. A real portal already knows who is signed in and hands the
// widgets its own access token (docs/embedding/react.md and vue.md, "The token"); the examples have no login of their own, so they
// asks the sandbox API for a token of a seeded employee: `?api=<API origin>&as=<employeeId>`.
import { SandboxToken } from 'pembinaan-asn/contract';

type Session = ReturnType<typeof SandboxToken.parse>;

const params = new URLSearchParams(location.search);

/** The API origin: `?api=`, else the sandbox of `npm start`. */
export const apiUrl = params.get('api') ?? 'http://localhost:8787';

/** Who to sign in as: `?as=emp_…`, else the sandbox picks an ASN who has a supervisor. */
const employeeId = params.get('as');

let session: Promise<Session> | undefined;

async function signIn(): Promise<Session> {
  const response = await fetch(`${apiUrl}/v1/sandbox/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(employeeId ? { employeeId } : {}),
  });
  if (!response.ok) throw new Error(`Sandbox sign-in failed: HTTP ${response.status}`);
  return SandboxToken.parse(await response.json());
}

const fresh = (s: Session) => Date.parse(s.expiresAt) - Date.now() > 60_000;

/**
 * `<asn-provider>`'s `getToken`, called before every request: signs in once, and again a minute before expiry.
 * Each call waits for the one before, so requests made together share one sign-in. A module-level function, so a
 * framework hands the element the same one on every render.
 */
export function getToken(): Promise<string> {
  session = session ? session.then((s) => (fresh(s) ? s : signIn()), signIn) : signIn();
  return session.then((s) => s.token);
}
