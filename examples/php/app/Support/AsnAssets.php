<?php

namespace App\Support;

/**
 * The pembinaan-asn widgets' files for `<link rel="modulepreload">` (docs/embedding/php.md, "Slow networks"):
 * read from chunks.json, which the package writes beside loader.js. Optional: without these lines the loader
 * adds the same links itself, one round trip later.
 */
final class AsnAssets
{
    /** Where dist/cdn was copied to, under public/ (docs/embedding/php.md, step 1). */
    public const BASE = '/vendor/pembinaan-asn/';

    private static ?array $chunks = null;

    /**
     * URLs to preload for the elements a page shows, provider first, each once.
     *
     * @param  list<string>  $tags  e.g. ['asn-progress-card', 'asn-goal-list']
     * @return list<string>
     */
    public static function preload(array $tags): array
    {
        if (self::$chunks === null) {
            $file = public_path('vendor/pembinaan-asn/chunks.json');
            // A missing or broken file only costs the round trip the links save: print none.
            $json = is_file($file) ? json_decode((string) file_get_contents($file), true) : null;
            self::$chunks = is_array($json) ? $json : [];
        }
        $urls = [];
        foreach (['asn-provider', ...$tags] as $tag) {
            foreach (self::$chunks[$tag] ?? [] as $file) {
                $urls[self::BASE . $file] = true;
            }
        }

        return array_keys($urls);
    }
}
