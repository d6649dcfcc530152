<?php

use App\Http\Middleware\ContentSecurityPolicy;
use Illuminate\Foundation\Application;
use Illuminate\Foundation\Configuration\Exceptions;
use Illuminate\Foundation\Configuration\Middleware;

// Laravel 11/12: the CSP header on every page of the `web` group (docs/embedding/php.md, step 5).
return Application::configure(basePath: dirname(__DIR__))
    ->withRouting(web: __DIR__.'/../routes/web.php')
    ->withMiddleware(function (Middleware $middleware) {
        $middleware->web(append: [ContentSecurityPolicy::class]);
    })
    ->withExceptions(function (Exceptions $exceptions) {
        //
    })
    ->create();
