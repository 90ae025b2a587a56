// A list row's buttons: rename, move up, move down, remove; each names its row for screen readers.
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Direction } from '../../state/settingsActions.ts';

export interface RowActionsProps {
  /** The row's DOM id prefix; the buttons are `<id>-rename`, `<id>-up`, `<id>-down`, `<id>-remove`. */
  id: string;
  name: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onRename: () => void;
  onMove: (direction: Direction) => void;
  onRemove: () => void;
}

/** The buttons; a move keeps the focus on the moved row's button (the row itself changes place). */
export function RowActions(props: RowActionsProps): JSX.Element {
  const move = (direction: Direction): void => {
    const id = props.id;
    props.onMove(direction);
    // The list re-renders in the new order; find the button again, or its twin when this end is reached.
    queueMicrotask(() => {
      const same = document.getElementById(`${id}-${direction}`);
      const other = document.getElementById(`${id}-${direction === 'up' ? 'down' : 'up'}`);
      const target = same instanceof HTMLButtonElement && !same.disabled ? same : other;
      target?.focus();
    });
  };

  return (
    <div class="settings-row-actions">
      <button
        type="button"
        class="button"
        id={`${props.id}-rename`}
        aria-label={t('settings.renameNamed', { name: props.name })}
        onClick={() => props.onRename()}
      >
        {t('settings.rename')}
      </button>
      <button
        type="button"
        class="button"
        id={`${props.id}-up`}
        disabled={!props.canMoveUp}
        aria-label={t('settings.upNamed', { name: props.name })}
        onClick={() => move('up')}
      >
        <span class="settings-arrow" aria-hidden="true">
          ↑
        </span>
        {t('settings.up')}
      </button>
      <button
        type="button"
        class="button"
        id={`${props.id}-down`}
        disabled={!props.canMoveDown}
        aria-label={t('settings.downNamed', { name: props.name })}
        onClick={() => move('down')}
      >
        <span class="settings-arrow" aria-hidden="true">
          ↓
        </span>
        {t('settings.down')}
      </button>
      <button
        type="button"
        class="button button--danger"
        id={`${props.id}-remove`}
        aria-label={t('settings.removeNamed', { name: props.name })}
        onClick={() => props.onRemove()}
      >
        {t('settings.remove')}
      </button>
    </div>
  );
}
