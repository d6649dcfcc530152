// A portal page in React 19, which renders the elements themselves: the widgets inside one <asn-provider>, a year
// and an offline switch in the portal's own state handed to the widgets as properties, and the progress card's
// event feeding that state back (docs/embedding/react.md).
import { useRef, useState } from 'react';
import type { AsnProgressCard, AsnProgressLoadedEvent } from 'pembinaan-asn/components';
import type {} from 'pembinaan-asn/react/jsx';
import { apiUrl, getToken } from '../../shared/sandbox-session';

/** The calendar year in WIT (Asia/Jayapura), as the widgets count it. */
const thisYear = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Jayapura', year: 'numeric' }).format(new Date()));
const years = [thisYear, thisYear - 1, thisYear - 2];
const jpFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

export function App() {
  const [year, setYear] = useState(thisYear);
  const [offline, setOffline] = useState(false);
  /** What the card last loaded, kept in the portal's own state. */
  const [loaded, setLoaded] = useState<{ jp: number; year: number }>();
  const card = useRef<AsnProgressCard>(null);

  // React 19 calls addEventListener('asn-progress-loaded', …) for this prop: the event itself, not a synthetic one.
  function onProgressLoaded(event: AsnProgressLoadedEvent): void {
    const { learning, year } = event.detail.summary;
    setLoaded({ jp: learning.jp, year });
  }

  return (
    <>
      <header className="portal-header">
        <p className="brand-small">Pemerintah Kota Sorong · BKPSDM</p>
        <h1>Portal Pengembangan Kompetensi ASN</h1>
      </header>
      <asn-provider baseUrl={apiUrl} getToken={getToken} locale="id">
        <main className="portal-main">
          <div className="toolbar">
            <label>
              Tahun
              <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={offline} onChange={(e) => setOffline(e.target.checked)} /> Mode luring
            </label>
            <button type="button" onClick={() => void card.current?.refresh()}>
              Muat ulang
            </button>
            <p className="loaded" role="status">
              {loaded ? `Dimuat: ${jpFormat.format(loaded.jp)} JP tahun ${loaded.year}` : 'Memuat progres…'}
            </p>
          </div>
          <asn-progress-card ref={card} employee="me" year={year} offline={offline} onasn-progress-loaded={onProgressLoaded} />
          <asn-goal-list employee="me" year={year} offline={offline} />
          <asn-feedback-feed employee="me" pageSize={5} offline={offline} />
        </main>
      </asn-provider>
      <footer className="portal-footer">
        Data contoh (sandbox). Setiap PNS berhak dan wajib mengikuti pengembangan kompetensi paling sedikit 20 JP per tahun.
      </footer>
    </>
  );
}
