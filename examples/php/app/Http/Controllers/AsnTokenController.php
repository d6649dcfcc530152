<?php

namespace App\Http\Controllers;

use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;

/**
 * GET /asn/token: the signed-in user's access token for the pembinaan-asn API, read by public/js/asn.js
 * (docs/embedding/php.md, step 4). The portal already holds it from its OpenID Connect sign-in (here stored in
 * the session by the sign-in callback, refreshed there when it nears expiry); this only hands it to the page.
 */
final class AsnTokenController
{
    public function __invoke(Request $request): JsonResponse
    {
        $token = $request->session()->get('oidc.access_token');
        $expiresAt = $request->session()->get('oidc.expires_at'); // a Unix timestamp
        if (! is_string($token) || ! is_int($expiresAt) || $expiresAt <= time()) {
            return response()->json(['message' => 'Unauthenticated.'], 401)->header('Cache-Control', 'no-store');
        }

        return response()
            ->json(['token' => $token, 'expiresAt' => gmdate('Y-m-d\TH:i:s\Z', $expiresAt)])
            ->header('Cache-Control', 'no-store');
    }
}
