<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Pengembangan Kompetensi Saya — Portal ASN Kota Sorong</title>
    <link rel="icon" href="/favicon.svg">
    <link rel="stylesheet" href="/css/portal.css">
@foreach (\App\Support\AsnAssets::preload(['asn-progress-card', 'asn-goal-list', 'asn-feedback-feed']) as $href)
    <link rel="modulepreload" href="{{ $href }}">
@endforeach
    <script type="module" src="/vendor/pembinaan-asn/loader.js"></script>
    <script type="module" src="/js/asn.js"></script>
  </head>
  <body>
    <header class="portal-header">
      <p class="portal-brand">Pemerintah Kota Sorong · BKPSDM</p>
      <h1>Pengembangan Kompetensi Saya</h1>
    </header>
    <main class="portal-main">
      <asn-provider base-url="{{ config('asn.api_origin') }}" locale="id">
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">Progres belajar</h2>
          <asn-progress-card employee="me"></asn-progress-card>
        </section>
        <section aria-labelledby="goals-title">
          <h2 id="goals-title">Sasaran kinerja</h2>
          <asn-goal-list employee="me"></asn-goal-list>
        </section>
        <section aria-labelledby="feedback-title">
          <h2 id="feedback-title">Umpan balik atasan</h2>
          <asn-feedback-feed employee="me"></asn-feedback-feed>
        </section>
      </asn-provider>
    </main>
    <footer class="portal-footer">
      <p>1 JP = 45 menit · Setiap PNS wajib mengikuti pengembangan kompetensi paling sedikit 20 JP per tahun.</p>
    </footer>
  </body>
</html>
