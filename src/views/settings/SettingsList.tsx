// A settings list (participants, focus areas): its heading (focused after a removal), intro, and a table whose
// last column, "Åtgärder", is there only for those who may change it.
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';

export interface SettingsListProps {
  id: string;
  heading: string;
  intro: string;
  /** Shown instead of the table when `empty`. */
  emptyText: string;
  empty: boolean;
  /** The data columns' headers; `numeric` ones are right-aligned. */
  columns: readonly { label: string; numeric?: boolean }[];
  readOnly: boolean;
  /** Receives the heading, so focus can go there once a removed row's buttons are gone. */
  headingRef: (heading: HTMLHeadingElement) => void;
  /** The table's rows. */
  children: JSX.Element;
  /** Forms and dialogs after the table. */
  after?: JSX.Element;
}

export function SettingsList(props: SettingsListProps): JSX.Element {
  return (
    <section class="settings-section" aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`} tabIndex={-1} ref={(el) => props.headingRef(el)}>
        {props.heading}
      </h3>
      <p class="field__hint">{props.intro}</p>
      <Show when={!props.empty} fallback={<p>{props.emptyText}</p>}>
        <table class="settings-table">
          <thead>
            <tr>
              <For each={props.columns}>
                {(column) => (
                  <th scope="col" class={column.numeric === true ? 'settings-number' : undefined}>
                    {column.label}
                  </th>
                )}
              </For>
              <Show when={!props.readOnly}>
                <th scope="col">{t('settings.col.actions')}</th>
              </Show>
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      </Show>
      {props.after}
    </section>
  );
}
