/**
 * Small template functions every widget shares: progress ring and bar, stat, skeleton, empty, error and offline
 * states. They render no inline `style=` (a portal's CSP `style-src 'self'` would block it): sizes go through SVG
 * presentation attributes, colours through classes and custom properties. Their CSS is `primitiveStyles`.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
const round = (n: number) => Math.round(n * 100) / 100;

export interface ProgressRingOptions {
  value: number;
  max: number;
  /** Accessible name, e.g. "JP this year". */
  label: string;
  /** Accessible value text, e.g. "12 of 20 JP". */
  valueText: string;
  /** Content shown in the ring's centre (the visible text equivalent). */
  center?: TemplateResult | string;
  /** `::part` name of the progressbar element. */
  part?: string;
  /** Extra class: `complete` draws it in the success colour. */
  complete?: boolean;
}

/** A circular progress indicator with `role="progressbar"`, drawn with `stroke-dasharray`. */
export function progressRing(o: ProgressRingOptions): TemplateResult {
  const r = 52;
  const circumference = 2 * Math.PI * r;
  const filled = clamp01(o.max > 0 ? o.value / o.max : 0) * circumference;
  const valueMax = Math.max(o.max, o.value);
  return html`<div
    class="ring ${o.complete ? 'complete' : ''}"
    part=${o.part ?? 'ring'}
    role="progressbar"
    aria-label=${o.label}
    aria-valuemin="0"
    aria-valuemax=${valueMax}
    aria-valuenow=${o.value}
    aria-valuetext=${o.valueText}
  >
    <svg class="ring-svg" viewBox="0 0 120 120" width="100%" height="100%" aria-hidden="true" focusable="false">
      <circle class="ring-track" cx="60" cy="60" r=${r} fill="none" stroke-width="12"></circle>
      <circle
        class="ring-value"
        cx="60"
        cy="60"
        r=${r}
        fill="none"
        stroke-width="12"
        stroke-linecap="round"
        stroke-dasharray="${round(filled)} ${round(circumference)}"
        transform="rotate(-90 60 60)"
      ></circle>
    </svg>
    <div class="ring-center">${o.center ?? nothing}</div>
  </div>`;
}

/** A horizontal bar (decorative: pair it with text), sized through an SVG `width` attribute. */
export function bar(value: number, max: number, className = ''): TemplateResult {
  const width = round(clamp01(max > 0 ? value / max : 0) * 100);
  return html`<svg class="bar ${className}" viewBox="0 0 100 8" preserveAspectRatio="none" width="100%" height="8" aria-hidden="true" focusable="false">
    <rect class="bar-track" x="0" y="0" width="100" height="8" rx="4"></rect>
    ${width > 0 ? svg`<rect class="bar-value" x="0" y="0" width=${width} height="8" rx="4"></rect>` : nothing}
  </svg>`;
}

export interface ColumnChartOptions {
  values: readonly number[];
  labels: readonly string[];
  /** Labels read out in the text table (e.g. full month names). */
  longLabels?: readonly string[];
  caption: string;
  valueHeader: string;
  labelHeader: string;
  format: (n: number) => string;
  part?: string;
  /** Index to highlight (e.g. the current month). */
  highlight?: number;
}

/** A small column chart (SVG, hidden from assistive tech) with a visually hidden table giving the numbers. */
export function columnChart(o: ColumnChartOptions): TemplateResult {
  const max = Math.max(1, ...o.values);
  const n = o.values.length;
  const slot = 240 / n;
  const barWidth = slot * 0.62;
  const height = 64;
  return html`<figure class="chart" part=${o.part ?? 'chart'}>
    <figcaption class="chart-caption">${o.caption}</figcaption>
    <svg class="chart-svg" viewBox="0 0 240 80" width="100%" height="80" aria-hidden="true" focusable="false">
      ${o.values.map((v, i) => {
        const h = v > 0 ? Math.max(2, round((v / max) * height)) : 0;
        const x = round(i * slot + (slot - barWidth) / 2);
        return svg`<rect class="chart-base" x=${x} y=${height - 1} width=${round(barWidth)} height="1"></rect>
          ${h > 0 ? svg`<rect class="chart-bar ${i === o.highlight ? 'current' : ''}" x=${x} y=${round(height - h)} width=${round(barWidth)} height=${h} rx="1.5"></rect>` : nothing}
          <text class="chart-label" x=${round(i * slot + slot / 2)} y="77" text-anchor="middle">${o.labels[i]?.slice(0, 1) ?? ''}</text>`;
      })}
    </svg>
    <table class="visually-hidden">
      <caption>${o.caption}</caption>
      <thead><tr><th scope="col">${o.labelHeader}</th><th scope="col">${o.valueHeader}</th></tr></thead>
      <tbody>
        ${o.values.map(
          (v, i) => html`<tr><th scope="row">${(o.longLabels ?? o.labels)[i]}</th><td>${o.format(v)}</td></tr>`,
        )}
      </tbody>
    </table>
  </figure>`;
}

/** A number with a label, e.g. "3 / Active goals". */
export function stat(label: string, value: string, variant: '' | 'success' | 'warning' | 'danger' = ''): TemplateResult {
  return html`<div class="stat ${variant}">
    <dt class="stat-label">${label}</dt>
    <dd class="stat-value">${value}</dd>
  </div>`;
}

/** A loading placeholder; the caller marks its region `aria-busy="true"` and gives a text label. */
export function skeleton(label: string, part = 'state'): TemplateResult {
  return html`<div class="skeleton" part=${part} role="status">
    <span class="visually-hidden">${label}</span>
    <div class="skeleton-row">
      <div class="skeleton-block skeleton-circle" aria-hidden="true"></div>
      <div class="skeleton-lines" aria-hidden="true">
        <div class="skeleton-block skeleton-line"></div>
        <div class="skeleton-block skeleton-line short"></div>
        <div class="skeleton-block skeleton-line"></div>
      </div>
    </div>
    <div class="skeleton-block skeleton-chart" aria-hidden="true"></div>
  </div>`;
}

/** An empty state: a title and an encouraging message. */
export function emptyState(title: string, message: string, part = 'state'): TemplateResult {
  return html`<div class="empty" part=${part}>
    <svg class="empty-icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M12 3 1 9l11 6 9-4.9V17h2V9L12 3Zm-7 9.2V16c0 1.7 3.1 3 7 3s7-1.3 7-3v-3.8L12 16l-7-3.8Z"></path>
    </svg>
    <p class="empty-title">${title}</p>
    <p class="empty-message">${message}</p>
  </div>`;
}

export interface ErrorStateOptions {
  title: string;
  message: string;
  retryLabel: string;
  onRetry: () => void;
  part?: string;
}

/** An error state announced with `role="alert"`, with a Retry button. */
export function errorState(o: ErrorStateOptions): TemplateResult {
  return html`<div class="error" part=${o.part ?? 'state'}>
    <div role="alert">
      <p class="error-title">${o.title}</p>
      <p class="error-message">${o.message}</p>
    </div>
    <button type="button" class="retry" part="retry" @click=${o.onRetry}>${o.retryLabel}</button>
  </div>`;
}

/** A polite notice that the device is offline (the widget keeps showing the last data it has). */
export function offlineNotice(message: string, part = 'offline'): TemplateResult {
  return html`<p class="offline" part=${part} role="status">
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M2.3 3.7 3.7 2.3l18 18-1.4 1.4-4.1-4.1A6 6 0 0 0 12 16a4 4 0 0 0-2.8 1.2l-1.4-1.4A6 6 0 0 1 12 14h.2l-2.6-2.6a9 9 0 0 0-4.9 2.7l-1.4-1.5a11 11 0 0 1 4.6-2.9L5.6 7.5A14 14 0 0 0 1.6 10L.2 8.6a16 16 0 0 1 3.9-2.7L2.3 3.7ZM12 18a2 2 0 1 1 0 4 2 2 0 0 1 0-4Zm0-14c4.4 0 8.4 1.8 11.3 4.6l-1.4 1.4A14 14 0 0 0 9.8 6.2L8 4.4C9.3 4.1 10.6 4 12 4Zm3.5 4.3c2 .6 3.8 1.7 5.3 3.2l-1.4 1.4a11 11 0 0 0-2-1.5l-1.9-3.1Z"></path>
    </svg>
    <span>${message}</span>
  </p>`;
}
