// A portal page in React 18 through the @lit/react wrappers of `pembinaan-asn/react`: React 18 would set every prop
// of a custom element as an attribute and has no listeners for its events; the wrappers set properties and listen
// (`onAsnProgressLoaded`). The same page as examples/react19 (docs/embedding/react.md).
import { useRef, useState } from 'react';
import type { AsnProgressCard as AsnProgressCardElement, AsnProgressLoadedEvent } from 'pembinaan-asn/components';
import { AsnFeedbackFeed, AsnGoalList, AsnProgressCard, AsnProvider } from 'pembinaan-asn/react';
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
  const card = useRef<AsnProgressCardElement>(null);

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
      <AsnProvider baseUrl={apiUrl} getToken={getToken} locale="id">
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
          <AsnProgressCard ref={card} employee="me" year={year} offline={offline} onAsnProgressLoaded={onProgressLoaded} />
          <AsnGoalList employee="me" year={year} offline={offline} />
          <AsnFeedbackFeed employee="me" pageSize={5} offline={offline} />
        </main>
      </AsnProvider>
      <footer className="portal-footer">
        Data contoh (sandbox). Setiap PNS berhak dan wajib mengikuti pengembangan kompetensi paling sedikit 20 JP per tahun.
      </footer>
    </>
  );
}
