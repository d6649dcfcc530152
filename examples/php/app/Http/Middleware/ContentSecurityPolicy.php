<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Symfony\Component\HttpFoundation\Response;

/**
 * The strict Content-Security-Policy the pembinaan-asn widgets work under (docs/embedding/php.md, step 5):
 * scripts only from the portal's own origin (the loader and its chunks are copied under public/vendor/), no
 * inline script or style, and the API's origin for fetch and the live event stream.
 */
final class ContentSecurityPolicy
{
    public function handle(Request $request, Closure $next): Response
    {
        $response = $next($request);
        $api = config('asn.api_origin');
        $response->headers->set('Content-Security-Policy', implode('; ', [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self' {$api}",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'self'",
        ]));

        return $response;
    }
}
