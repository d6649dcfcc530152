<?php

use App\Http\Controllers\AsnTokenController;
use Illuminate\Support\Facades\Route;

// The page with the widgets, and the token endpoint its script reads (docs/embedding/php.md). Both behind the
// portal's sign-in; the CSP middleware is on the `web` group (bootstrap/app.php).
Route::middleware('auth')->group(function () {
    Route::view('/kompetensi', 'asn')->name('asn');
    Route::get('/asn/token', AsnTokenController::class)->name('asn.token');
});
