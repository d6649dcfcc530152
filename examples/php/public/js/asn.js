// The portal's own script (docs/embedding/php.md), served from the portal's origin so `script-src 'self'` allows
// it: hands every <asn-provider> a getToken that asks the portal's back end for the signed-in user's access token.
// The token stays in memory (not localStorage, where any script on the origin could read it for as long as it
// lives); the provider calls getToken before each request, so a token refreshed by the back end is picked up.
const TOKEN_URL = '/asn/token';
// Ask again this long before the token expires, so a request in flight does not carry an expired one.
const MARGIN_MS = 30_000;

let cached = null;
let pending = null;

async function fetchToken() {
  try {
    const response = await fetch(TOKEN_URL, {
      credentials: 'same-origin',
      cache: 'no-store',
      // Laravel answers 401 (not a redirect to the sign-in page) when it sees a JSON request.
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return null; // signed out: the widgets show their sign-in state
    const body = await response.json();
    cached = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
    return cached.token;
  } catch {
    return null; // offline: the widgets show their offline state and retry
  }
}

function getToken() {
  if (cached && cached.expiresAt - MARGIN_MS > Date.now()) return cached.token;
  pending ??= fetchToken().finally(() => {
    pending = null;
  });
  return pending;
}

for (const provider of document.querySelectorAll('asn-provider')) provider.getToken = getToken;
