import { css } from 'lit';

/** The native `<dialog>` of the widgets: a centred card on a dimmed backdrop, themed by the same tokens. */
export const dialogStyles = css`
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--_space-4);
    inline-size: min(34rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    overflow: auto;
  }
  dialog::backdrop {
    background: rgb(10 20 30 / 0.55);
  }
  .dialog-title {
    margin: 0 0 var(--_space-3);
    font-size: 1.125em;
    font-weight: 650;
  }
  .dialog-subtitle {
    margin: calc(-1 * var(--_space-2)) 0 var(--_space-3);
    color: var(--_muted);
    font-size: 0.9375em;
  }
`;
