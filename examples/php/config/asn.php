<?php

// pembinaan-asn: where the API runs (docs/embedding/php.md). The same origin goes into the CSP's connect-src.
return [
    'api_origin' => env('ASN_API_ORIGIN', 'https://api.asn.sorongkota.go.id'),
];
