// A read-only link with a copy button: the clipboard when allowed, else the text is selected for Ctrl+C.
import { createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';

/** A labelled, read-only text field holding `value`, and a button that copies it. */
export function CopyField(props: { id: string; label: string; value: string }): JSX.Element {
  const [status, setStatus] = createSignal('');
  let input: HTMLInputElement | undefined = undefined;

  const selectText = (): void => {
    input?.focus();
    input?.select();
  };
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.value);
      setStatus(t('start.copied'));
    } catch {
      // No clipboard (plain http, denied permission): leave the text selected for the keyboard shortcut.
      selectText();
      setStatus(t('start.copyFailed'));
    }
  };

  return (
    <div class="field copy-field">
      <label for={props.id}>{props.label}</label>
      <div class="copy-field__row">
        <input
          id={props.id}
          ref={(el) => (input = el)}
          type="text"
          readOnly
          value={props.value}
          onFocus={selectText}
          aria-describedby={`${props.id}-status`}
        />
        <button
          type="button"
          class="button"
          onClick={() => void copy()}
          aria-label={t('start.copyLabel', { link: props.label })}
        >
          {t('start.copy')}
        </button>
      </div>
      <p id={`${props.id}-status`} class="copy-field__status" aria-live="polite">
        {status()}
      </p>
    </div>
  );
}
