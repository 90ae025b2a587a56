// A labelled select: the one shape every choice on the pages takes (filters, dialogs, the create form).
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** A `<select>` with its label; `emptyLabel` adds a first option with the empty value (e.g. "Alla"). */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  emptyLabel?: string;
  inline?: boolean;
  disabled?: boolean;
  /** Id of a sentence that explains the field (for example why it is disabled). */
  describedBy?: string;
}): JSX.Element {
  return (
    <div class={props.inline ? 'field field--inline' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <Show when={props.emptyLabel !== undefined}>
          <option value="">{props.emptyLabel}</option>
        </Show>
        <For each={props.options}>{(option) => <option value={option.value}>{option.label}</option>}</For>
      </select>
    </div>
  );
}
