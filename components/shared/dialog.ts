/**
 * A modal built on the native `<dialog>` (`showModal()`): the browser traps focus, makes the page inert and closes
 * on Escape. This adds what it does not do by itself: focus moves to the first field when it opens, and returns to
 * the control that opened it when it closes (by Escape, Cancel or after a successful submit) — or to a fallback
 * when a live update replaced that control meanwhile.
 */
export class ModalDialog {
  #opener: HTMLElement | null = null;
  #fallback: (() => HTMLElement | null | undefined) | undefined;
  #onClose: (() => void) | undefined;
  #dialog: HTMLDialogElement | null = null;

  /**
   * @param onClose called after the dialog closed (any way), before focus is restored.
   */
  constructor(onClose?: () => void) {
    this.#onClose = onClose;
  }

  get isOpen(): boolean {
    return Boolean(this.#dialog?.open);
  }

  /**
   * Opens `dialog` as a modal. `opener` gets focus back on close; `fallback` finds a replacement when the opener
   * left the DOM. `initialFocus` is focused once it is open (default: the first field).
   */
  open(
    dialog: HTMLDialogElement,
    opener: HTMLElement | null,
    options: { fallback?: () => HTMLElement | null | undefined; initialFocus?: HTMLElement | null } = {},
  ): void {
    if (this.#dialog !== dialog) {
      this.#dialog?.removeEventListener('close', this.#handleClose);
      dialog.addEventListener('close', this.#handleClose);
      this.#dialog = dialog;
    }
    this.#opener = opener;
    this.#fallback = options.fallback;
    if (!dialog.open) dialog.showModal();
    const target =
      options.initialFocus ??
      dialog.querySelector<HTMLElement>('[autofocus], input:not([type=hidden]), select, textarea, button');
    target?.focus();
    // A prefilled value (a check-in's current progress) is selected, so typing replaces it.
    if (target instanceof HTMLInputElement && target.value) target.select();
  }

  /** Closes it (the `close` event then restores focus). */
  close(): void {
    if (this.#dialog?.open) this.#dialog.close();
  }

  #handleClose = (): void => {
    this.#onClose?.();
    const opener = this.#opener;
    this.#opener = null;
    const target = opener?.isConnected ? opener : this.#fallback?.();
    target?.focus();
    // A prefilled value (a check-in's current progress) is selected, so typing replaces it.
    if (target instanceof HTMLInputElement && target.value) target.select();
  };
}
