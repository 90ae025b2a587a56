// A native modal <dialog> (focus stays inside; Esc cancels) opened and closed by a prop, returning focus on close.
// Mark the field to focus first with data-autofocus.
import { Show, createEffect } from 'solid-js';
import type { JSX } from 'solid-js';

/** A labelled modal dialog; its content mounts fresh on each open. `onClose` runs on Esc and on close(). */
export function Dialog(props: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  children: JSX.Element;
}): JSX.Element {
  let dialog: HTMLDialogElement | undefined = undefined;
  let opener: Element | null = null;

  createEffect(() => {
    if (dialog === undefined) return;
    if (props.open && !dialog.open) {
      opener = document.activeElement;
      dialog.showModal();
      // The first field marked data-autofocus gets the focus (else the browser picks the first focusable).
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  });

  const onClose = (): void => {
    props.onClose();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    opener = null;
  };

  return (
    <dialog
      ref={(el) => (dialog = el)}
      class="dialog"
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      onClose={onClose}
    >
      <Show when={props.open}>{props.children}</Show>
    </dialog>
  );
}
