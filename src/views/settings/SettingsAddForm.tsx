// The "Lägg till …" form of a settings list: a name plus the list's own field; Enter adds, a refusal shows below.
import { createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Result } from '../../model/result.ts';
import { LIMITS } from '../../model/schema.ts';

export interface SettingsAddFormProps {
  /** Prefix of the form's element ids (`<id>-heading`, `<id>-name`, `<id>-problem`). */
  id: string;
  heading: string;
  nameLabel: string;
  /** Adds a row with this name and the other field's value; after a success the name is emptied for the next one. */
  onAdd: (name: string) => Result<unknown>;
  /** The other field; `invalid(field)` is true when the last refusal was about `field`. */
  children: (invalid: (field: string) => boolean) => JSX.Element;
}

export function SettingsAddForm(props: SettingsAddFormProps): JSX.Element {
  const [name, setName] = createSignal('');
  const [problem, setProblem] = createSignal<{ text: string; field: string | undefined } | null>(null);
  const invalid = (field: string): boolean => problem()?.field === field;

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const result = props.onAdd(name());
    if (result.ok) {
      setName('');
      setProblem(null);
    } else {
      setProblem({ text: t(`error.${result.error.code}`, result.error.params), field: result.error.field });
    }
  };

  return (
    <form class="settings-add" novalidate onSubmit={submit} aria-labelledby={`${props.id}-heading`}>
      <h4 id={`${props.id}-heading`}>{props.heading}</h4>
      <div class="settings-add__fields">
        <div class="field">
          <label for={`${props.id}-name`}>{props.nameLabel}</label>
          <input
            id={`${props.id}-name`}
            type="text"
            autocomplete="off"
            maxLength={LIMITS.name}
            value={name()}
            onInput={(event) => setName(event.currentTarget.value)}
            aria-invalid={invalid('name')}
            aria-describedby={`${props.id}-problem`}
          />
        </div>
        {props.children(invalid)}
        <button type="submit" class="button button--primary">
          {props.heading}
        </button>
      </div>
      <p id={`${props.id}-problem`} class="form__problem" aria-live="assertive">
        {problem()?.text ?? ''}
      </p>
    </form>
  );
}
