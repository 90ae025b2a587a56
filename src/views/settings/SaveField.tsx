// A labelled field that saves on Enter or when the focus leaves it; Esc takes back the typing; a refusal shows beside it.
import { createEffect, createSignal, on, untrack } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Result } from '../../model/result.ts';

export interface SaveFieldProps {
  id: string;
  label: string;
  /** The stored value; shown again whenever it changes and the person has nothing unsaved in the field. */
  value: string;
  /** Stores `text`; a refusal is shown under the field (as `error.<code>`) and the typing is kept. */
  onSave: (text: string) => Result<void>;
  type?: 'text' | 'number';
  maxLength?: number;
  min?: number;
  max?: number;
  /** A sentence under the field; defaults to how saving works. */
  hint?: string;
  /** Puts the label out of sight (for a field in a table row whose column header says what it is). */
  hideLabel?: boolean;
}

/** The field and its refusal line; the refusal is tied to the field with aria-describedby and aria-invalid. */
export function SaveField(props: SaveFieldProps): JSX.Element {
  const [draft, setDraft] = createSignal(untrack(() => props.value));
  const [problem, setProblem] = createSignal('');
  // A colleague's change (or an undo) shows up here, unless this person is halfway through typing.
  createEffect(
    on(
      () => props.value,
      (value, previous) => {
        if (previous === undefined || draft() === previous) setDraft(value);
      },
    ),
  );

  const save = (): void => {
    if (draft() === props.value) {
      setProblem('');
      return;
    }
    const result = props.onSave(draft());
    setProblem(result.ok ? '' : t(`error.${result.error.code}`, result.error.params));
    // The model may have tidied the text (trimmed it, say): show what was stored.
    if (result.ok) setDraft(props.value);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
      // A new priority moves the row; keep the focus in this field wherever the row now is.
      const id = props.id;
      queueMicrotask(() => {
        if (document.activeElement?.id !== id) document.getElementById(id)?.focus();
      });
    } else if (event.key === 'Escape') {
      setDraft(props.value);
      setProblem('');
    }
  };

  return (
    <div class="field settings-save-field">
      <label for={props.id} classList={{ 'visually-hidden': props.hideLabel === true }}>
        {props.label}
      </label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        inputMode={props.type === 'number' ? 'numeric' : undefined}
        autocomplete="off"
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        step={props.type === 'number' ? 1 : undefined}
        value={draft()}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={save}
        aria-invalid={problem() !== ''}
        aria-describedby={`${props.id}-hint ${props.id}-problem`}
      />
      <p
        id={`${props.id}-hint`}
        class="field__hint"
        classList={{ 'visually-hidden': props.hideLabel === true }}
      >
        {props.hint ?? t('settings.saveHint')}
      </p>
      <p id={`${props.id}-problem`} class="form__problem" aria-live="assertive">
        {problem()}
      </p>
    </div>
  );
}
