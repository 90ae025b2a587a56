// The "Kolumner" dialog: which table columns show and in what order, for keyboard users as well as mouse users.
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import {
  COLUMN_LABELS,
  FIXED_COLUMNS,
  columnLayout,
  moveColumn,
  resetColumnLayout,
  setColumnLayout,
} from '../../state/columnLayout.ts';
import type { GridColumnId } from '../../state/columnLayout.ts';
import { Dialog } from './Dialog.tsx';
import './columnsDialog.css';

/** Every change applies at once and is remembered on this device; "Återställ" brings back the default. */
export function ColumnsDialog(props: { open: boolean; onClose: () => void }): JSX.Element {
  const setHidden = (id: GridColumnId, hidden: boolean): void =>
    setColumnLayout(columnLayout().map((pref) => (pref.id === id ? { ...pref, hidden } : pref)));
  // Rows are keyed by column id, so a move shifts the row's elements instead of drawing new ones.
  const hiddenNow = (id: GridColumnId): boolean =>
    columnLayout().find((pref) => pref.id === id)?.hidden === true;
  const move = (id: GridColumnId, by: -1 | 1): void => {
    setColumnLayout(moveColumn(columnLayout(), id, by));
    // The list is redrawn: the focus follows the column, so pressing again moves it further (or the other way
    // once it reaches the end).
    queueMicrotask(() => {
      const buttons = [`[data-move="${by}"]`, `[data-move="${-by}"]`].map((selector) =>
        document.querySelector<HTMLButtonElement>(`.columns-dialog [data-column="${id}"] ${selector}`),
      );
      buttons.find((button) => button !== null && !button.disabled)?.focus();
    });
  };

  return (
    <Dialog
      open={props.open}
      onClose={() => props.onClose()}
      labelledBy="columns-title"
      describedBy="columns-intro"
    >
      <div class="form columns-dialog">
        <h2 id="columns-title">{t('columns.title')}</h2>
        <p id="columns-intro">{t('columns.intro')}</p>
        <ol class="columns-dialog__list">
          <For each={columnLayout().map((pref) => pref.id)}>
            {(id, index) => (
              <li class="columns-dialog__item" data-column={id}>
                <label class="columns-dialog__label">
                  <input
                    type="checkbox"
                    checked={!hiddenNow(id)}
                    disabled={FIXED_COLUMNS.has(id)}
                    onChange={(event) => setHidden(id, !event.currentTarget.checked)}
                  />
                  {t(COLUMN_LABELS[id])}
                  <Show when={FIXED_COLUMNS.has(id)}>
                    <span class="columns-dialog__fixed">{t('columns.fixed')}</span>
                  </Show>
                </label>
                <button
                  type="button"
                  class="button button--small"
                  disabled={index() === 0}
                  aria-label={t('columns.up', { name: t(COLUMN_LABELS[id]) })}
                  data-move="-1"
                  onClick={() => move(id, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button button--small"
                  disabled={index() === columnLayout().length - 1}
                  aria-label={t('columns.down', { name: t(COLUMN_LABELS[id]) })}
                  data-move="1"
                  onClick={() => move(id, 1)}
                >
                  ↓
                </button>
              </li>
            )}
          </For>
        </ol>
        <div class="actions">
          <button type="button" class="button" onClick={() => resetColumnLayout()}>
            {t('columns.reset')}
          </button>
          <button type="button" class="button button--primary" data-autofocus onClick={() => props.onClose()}>
            {t('columns.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
