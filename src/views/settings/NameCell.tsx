// A list row's name, or while renaming a labelled field with Save and Cancel; Enter saves, Esc cancels.
import { Show, createSignal, untrack } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Result } from '../../model/result.ts';
import { LIMITS } from '../../model/schema.ts';

export interface NameCellProps {
  /** The row's DOM id prefix; the field is `<id>-name`. */
  id: string;
  name: string;
  editing: boolean;
  /** Stores the new name; a refusal is shown under the field and the field stays open. */
  onSave: (name: string) => Result<void>;
  /** Ends renaming (after a save, or cancelled). */
  onDone: () => void;
}

/** The name as text, or the rename form. */
export function NameCell(props: NameCellProps): JSX.Element {
  return (
    <Show when={props.editing} fallback={<span class="settings-name">{props.name}</span>}>
      <RenameForm {...props} />
    </Show>
  );
}

/** Mounted fresh for each rename, starting from the current name with the text selected. */
function RenameForm(props: NameCellProps): JSX.Element {
  // Starts from the name as it is now; a colleague's rename meanwhile does not overwrite the typing.
  const [draft, setDraft] = createSignal(untrack(() => props.name));
  const [problem, setProblem] = createSignal('');
  const fieldId = (): string => `${props.id}-name`;

  const save = (event: SubmitEvent): void => {
    event.preventDefault();
    const result = draft() === props.name ? null : props.onSave(draft());
    if (result === null || result.ok) props.onDone();
    else setProblem(t(`error.${result.error.code}`, result.error.params));
  };

  return (
    <form class="settings-rename" novalidate onSubmit={save}>
      <div class="field">
        <label for={fieldId()}>{t('settings.newName', { name: props.name })}</label>
        <input
          id={fieldId()}
          ref={(el) => queueMicrotask(() => el.select())}
          type="text"
          autocomplete="off"
          maxLength={LIMITS.name}
          value={draft()}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') props.onDone();
          }}
          aria-invalid={problem() !== ''}
          aria-describedby={`${fieldId()}-problem`}
        />
        <p id={`${fieldId()}-problem`} class="form__problem" aria-live="assertive">
          {problem()}
        </p>
      </div>
      <div class="actions">
        <button type="submit" class="button button--primary">
          {t('settings.save')}
        </button>
        <button type="button" class="button" onClick={() => props.onDone()}>
          {t('dialog.cancel')}
        </button>
      </div>
    </form>
  );
}
