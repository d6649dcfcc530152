/**
 * What the form needs only once the student starts on it, in one chunk fetched at the first focus (one round
 * trip): the bot check's solver, the wording of a refusal, and the success and "waiting to send" panels. A page
 * that only shows the form (or only lists openings) downloads none of it up front.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { ApplicationReceipt } from '../../src/contract/index.js';
import { formatNumber } from '../i18n/format.js';
import { currentLocale } from '../i18n/locale.js';
import { classifyError, errorMessage } from '../shared/errors.js';
import { fieldCodesOf, fieldErrorsOf } from '../shared/form.js';
import { fieldOf, ruleMessage, type ApplicationFormValue, type FieldName } from './fields.js';

export { solve } from './solver.js';

/** What the form shows after sending: the receipt, or the outbox entry that will send it. */
export type Result = { queued: false; receipt: ApplicationReceipt } | { queued: true; entryId: string };

/** A refusal, worded: messages beside fields, the rest for the summary, and what to load again. */
export interface Refusal {
  errors: Partial<Record<FieldName, string>>;
  formErrors: string[];
  /** The server refused the notice version or hash: it changed, consent must be given to the new one. */
  noticeOutdated: boolean;
  /** The opening stopped taking applications (closed, filled): its state should be fetched again. */
  openingChanged: boolean;
}

/** Each reason the server (or the SDK) gave beside its field, by the rule codes of `problem.errors[]`. */
export function refusal(error: unknown, value: ApplicationFormValue): Refusal {
  const messages = fieldErrorsOf(error);
  const codes = fieldCodesOf(error);
  const byPath = new Map<string, string>();
  for (const path of Object.keys(messages)) byPath.set(path.replace(/^body\./, ''), '');
  for (const [path, code] of Object.entries(codes)) byPath.set(path.replace(/^body\./, ''), code);
  const out: Refusal = { errors: {}, formErrors: [], noticeOutdated: false, openingChanged: false };
  for (const [path, code] of byPath) {
    const field = fieldOf(path);
    if (field === 'consent' && (path !== 'consent.accepted' || code.startsWith('notice.'))) out.noticeOutdated = true;
    else if (field) out.errors[field] ??= ruleMessage(field, code, value);
    else if (code === 'altcha.too-fast') out.formErrors.push(msg('Formulir terkirim terlalu cepat setelah dibuka. Tunggu beberapa detik, lalu kirim lagi.'));
    else if (path === 'altcha' || code.startsWith('altcha.')) out.formErrors.push(msg('Pemeriksaan keamanan tidak diterima (mungkin kedaluwarsa). Pemeriksaan baru sedang disiapkan: kirim sekali lagi.'));
    else if (path === 'website' || code === 'honeypot.filled') out.formErrors.push(msg('Ada kolom tersembunyi yang terisi, mungkin oleh pengisi otomatis peramban. Muat ulang halaman, lalu kirim lagi.'));
    else out.formErrors.push(msg('Ada isian yang belum diterima. Periksa formulir, lalu kirim lagi.'));
  }
  if (out.noticeOutdated) out.errors.consent = msg('Pemberitahuan privasi baru saja diperbarui. Baca versi terbaru, lalu centang persetujuan lagi.');
  if (byPath.size === 0) out.formErrors.push(problemMessage(error, out));
  out.formErrors = [...new Set(out.formErrors)];
  return out;
}

/**
 * Whether the server may have used the solution up (single use): it spends it once every other check passed, so
 * a refused body, an outdated notice or "too fast" leave it valid for the next try; anything else needs a new one.
 */
export function solutionSpent(error: unknown): boolean {
  const codes = Object.values(fieldCodesOf(error));
  if (codes.includes('altcha.too-fast') || codes.includes('notice.outdated')) return false;
  if (codes.some((c) => c.startsWith('altcha.'))) return true;
  const status = (error as { status?: unknown } | null)?.status;
  return status !== 400 && status !== 422;
}

/** A refusal that names no field: a duplicate, a closed opening, too many tries, the connection or the server. */
function problemMessage(error: unknown, out: Refusal): string {
  const e = error as { status?: number; retryAfter?: unknown; problem?: { code?: unknown; detail?: unknown } } | null;
  if (e?.status === 409) {
    const detail = typeof e.problem?.detail === 'string' ? e.problem.detail : '';
    if (e.problem?.code === 'application.duplicate' || /already/i.test(detail)) {
      return msg('Anda sudah melamar lowongan ini dengan NIM tersebut. Buka tautan pribadi yang Anda terima saat pertama melamar untuk melihat status, memperbaiki data, atau menarik lamaran.');
    }
    out.openingChanged = true;
    return msg('Lowongan ini tidak lagi menerima lamaran: pendaftaran sudah ditutup atau kuotanya terpenuhi.');
  }
  if (e?.status === 429 && typeof e.retryAfter === 'number' && e.retryAfter > 0) {
    return msg(str`Terlalu banyak percobaan. Coba lagi dalam ${formatNumber(Math.ceil(e.retryAfter), currentLocale())} detik.`);
  }
  return errorMessage(classifyError(error), {
    'not-found': msg('Lowongan ini tidak ditemukan lagi. Muat ulang halaman untuk melihat lowongan yang masih dibuka.'),
    forbidden: msg('Formulir ini tidak diizinkan mengirim lamaran dari situs ini. Hubungi pengelola situs.'),
    auth: msg('Kunci formulir ini tidak berlaku lagi. Hubungi pengelola situs.'),
    network: msg('Lamaran belum terkirim karena server tidak dapat dihubungi. Isian Anda tersimpan di perangkat ini: coba lagi sebentar lagi.'),
    offline: msg('Lamaran belum terkirim karena Anda sedang luring. Isian Anda tersimpan di perangkat ini: kirim lagi saat tersambung.'),
  });
}

/** An http(s) link, or null: the private link comes from the API and goes into an `href`. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Copies `text`, or (no clipboard permission: an iframe, an old WebView) selects it for the student to copy. */
async function copy(root: ParentNode, announce: (text: string) => void, text: string, done: string, target: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(done);
  } catch {
    const node = root.querySelector(target);
    if (node) getSelection()?.selectAllChildren(node);
    announce(msg('Teks sudah dipilih: salin dengan Ctrl+C atau tahan lalu pilih Salin.'));
  }
}

/** The success panel (reference, next steps, private link) or the "waiting to send" one. */
export function renderResult(result: Result, root: ParentNode, announce: (text: string) => void): TemplateResult {
  if (result.queued) {
    return html`<div class="success waiting" part="success">
      <h3 class="success-title" tabindex="-1">${msg('Tersimpan, akan dikirim saat tersambung kembali')}</h3>
      <p>${msg('Lamaran Anda tersimpan di perangkat ini dan dikirim otomatis, satu kali, begitu koneksi kembali. Nomor referensi dan tautan pribadi tampil di sini setelah terkirim.')}</p>
    </div>`;
  }
  const r = result.receipt;
  const href = safeHref(r.privateUrl);
  return html`<div class="success" part="success">
    <h3 class="success-title" tabindex="-1">${msg('Lamaran Anda terkirim')}</h3>
    <p>
      <span class="reference-label">${msg('Nomor referensi')}</span>
      <strong class="reference" part="reference" id="reference">${r.reference}</strong>
    </p>
    <div class="row">
      <button type="button" class="secondary" part="copy" aria-describedby="reference" @click=${() => copy(root, announce, r.reference, msg('Nomor referensi disalin.'), '#reference')}>
        ${msg('Salin nomor referensi')}
      </button>
    </div>
    <p>${msg('Simpan nomor ini dan sebutkan setiap kali Anda menghubungi BKPSDM tentang lamaran ini.')}</p>
    <h4 class="next-title">${msg('Langkah berikutnya')}</h4>
    <ol class="next">
      <li>${msg('BKPSDM meninjau lamaran Anda bersama unit kerja yang membuka lowongan.')}</li>
      <li>${msg('Hasilnya (ditinjau, diterima atau tidak diterima) tampil lewat tautan pribadi di bawah.')}</li>
      <li>${msg('Lewat tautan yang sama Anda dapat memperbaiki data kontak atau menarik lamaran; data pribadi Anda lalu dihapus.')}</li>
    </ol>
    ${href
      ? html`<p>
            <a class="private-link" part="private-link" id="private-link" href=${href} target="_blank" rel="noopener noreferrer">
              ${msg('Buka tautan pribadi: status, perbaikan data, penarikan lamaran')}<span class="visually-hidden"> ${msg('(terbuka di tab baru)')}</span>
            </a>
          </p>
          <div class="row">
            <button type="button" class="secondary" part="copy" @click=${() => copy(root, announce, href, msg('Tautan pribadi disalin.'), '#private-link')}>
              ${msg('Salin tautan pribadi')}
            </button>
          </div>`
      : nothing}
    <p class="warning-text">${msg('Tautan ini hanya untuk Anda dan hanya ditampilkan sekali: simpan sekarang (misalnya sebagai bookmark) dan jangan bagikan.')}</p>
  </div>`;
}
