import { css } from 'lit';

/** Every widget's frame: the `base` part as a card on the portal's surface, and its `title`. */
export const frameStyles = css`
  :host {
    display: block;
  }
  .base {
    position: relative;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-4);
    display: grid;
    gap: var(--_space-3);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-3);
  }
  .heading {
    display: grid;
    gap: var(--_space-1);
    min-width: 0;
  }
  .title {
    margin: 0;
    font-size: 1.125em;
    font-weight: 650;
    line-height: 1.3;
  }
`;
