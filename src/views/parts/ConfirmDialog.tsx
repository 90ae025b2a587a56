// A modal yes/no question for destructive actions; the safe answer (cancel) has the focus first.
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { Dialog } from './Dialog.tsx';

/** Asks `message`; `onConfirm` runs only on the confirm button. Esc and Cancel just close. */
export function ConfirmDialog(props: {
  open: boolean;
  id: string;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}): JSX.Element {
  return (
    <Dialog
      open={props.open}
      onClose={() => props.onClose()}
      labelledBy={`${props.id}-title`}
      describedBy={`${props.id}-message`}
    >
      <div class="form">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <p id={`${props.id}-message`}>{props.message}</p>
        <div class="actions">
          <button type="button" class="button" data-autofocus onClick={() => props.onClose()}>
            {t('dialog.cancel')}
          </button>
          <button
            type="button"
            class="button button--danger"
            onClick={() => {
              props.onConfirm();
              props.onClose();
            }}
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
