/**
 * The privacy notice (UU 27/2022), shown in full before the consent checkbox: who the controller is and every
 * headed section, in a scrollable region a keyboard can reach and scroll. It comes from the API, so each string
 * renders as text (never as HTML): markup in it shows literally and runs nothing.
 */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { PrivacyNotice } from '../../src/contract/index.js';
import { formatInstantDay } from '../i18n/format.js';
import { currentLocale } from '../i18n/locale.js';

export function renderNotice(notice: PrivacyNotice): TemplateResult {
  const c = notice.controller;
  return html`<section class="notice" part="notice" tabindex="0" aria-labelledby="notice-title" aria-describedby="notice-hint">
    <h3 class="notice-title" id="notice-title">${notice.title}</h3>
    <p class="notice-hint visually-hidden" id="notice-hint">${msg('Gulir untuk membaca seluruh pemberitahuan.')}</p>
    <h4>${msg('Pengendali data')}</h4>
    <p class="controller">
      ${c.name}<br />${c.address}<br />
      ${msg('Email:')} ${c.email}<br />
      ${msg('Telepon:')} ${c.phone}
    </p>
    ${notice.sections.map(
      (section) => html`<h4>${section.heading}</h4>
        ${section.paragraphs.map((p) => html`<p>${p}</p>`)}`,
    )}
    <p class="notice-version">
      ${msg(str`Versi ${notice.version}, berlaku sejak ${formatInstantDay(notice.publishedAt, currentLocale())}.`)}
    </p>
  </section>`;
}

/** The purposes consented to, in words (`selection` → "seleksi"). */
export function purposeList(notice: PrivacyNotice): string {
  const words: Record<string, string> = {
    selection: msg('seleksi'),
    placement: msg('penempatan magang'),
    contact: msg('menghubungi Anda'),
  };
  const list = notice.purposes.map((p) => words[p] ?? p);
  if (list.length < 2) return list.join('');
  return `${list.slice(0, -1).join(', ')} ${msg('dan')} ${list[list.length - 1]}`;
}
