// One focus area in the settings list: name (renamable), priority (editable), activity count, and its buttons.
import { Show, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { ModelError, Result } from '../../model/result.ts';
import { LIMITS } from '../../model/schema.ts';
import type { FocusArea } from '../../model/schema.ts';
import type { Direction, SettingsActions } from '../../state/settingsActions.ts';
import { NameCell } from './NameCell.tsx';
import { RowActions } from './RowActions.tsx';
import { SaveField } from './SaveField.tsx';

export interface FocusAreaRowProps {
  area: FocusArea;
  /** The neighbours in plan order: a move stays among areas of the same priority. */
  previous: FocusArea | undefined;
  next: FocusArea | undefined;
  /** 1-based place in the plan and the number of areas, for the announcement after a move. */
  position: number;
  count: number;
  activities: number;
  actions: SettingsActions;
  readOnly: boolean;
  announce: (text: string) => void;
  onError: (error: ModelError) => void;
  onRemove: (area: FocusArea) => void;
}

export function FocusAreaRow(props: FocusAreaRowProps): JSX.Element {
  const [renaming, setRenaming] = createSignal(false);
  const rowId = (): string => `focus-area-${props.area.id}`;

  const rename = (name: string): Result<void> => {
    const result = props.actions.renameFocusArea(props.area.id, name);
    if (result.ok) props.announce(t('settings.focusAreas.renamed', { name: props.area.name }));
    return result;
  };
  const reprioritise = (priority: string): Result<void> => {
    const result = props.actions.setFocusAreaPriority(props.area.id, priority);
    if (result.ok) {
      props.announce(
        t('settings.focusAreas.prioritised', { name: props.area.name, priority: props.area.priority }),
      );
    }
    return result;
  };
  const endRename = (): void => {
    setRenaming(false);
    document.getElementById(`${rowId()}-rename`)?.focus();
  };
  const move = (direction: Direction): void => {
    // Worked out before the list re-renders in the new order.
    const position = props.position + (direction === 'up' ? -1 : 1);
    const result = props.actions.moveFocusArea(props.area.id, direction);
    if (!result.ok) return props.onError(result.error);
    props.announce(t('settings.moved', { name: props.area.name, position, count: props.count }));
  };

  return (
    <tr>
      <td>
        <NameCell
          id={rowId()}
          name={props.area.name}
          editing={renaming()}
          onSave={rename}
          onDone={endRename}
        />
      </td>
      <td class="settings-priority">
        <Show when={!props.readOnly} fallback={props.area.priority}>
          <SaveField
            id={`${rowId()}-priority`}
            label={t('settings.focusAreas.priorityOf', { name: props.area.name })}
            hideLabel
            type="number"
            min={1}
            max={LIMITS.priority}
            value={String(props.area.priority)}
            hint={t('settings.focusAreas.priorityHint')}
            onSave={reprioritise}
          />
        </Show>
      </td>
      <td class="settings-number">{props.activities}</td>
      <Show when={!props.readOnly}>
        <td>
          <RowActions
            id={rowId()}
            name={props.area.name}
            canMoveUp={props.previous?.priority === props.area.priority}
            canMoveDown={props.next?.priority === props.area.priority}
            onRename={() => setRenaming(true)}
            onMove={move}
            onRemove={() => props.onRemove(props.area)}
          />
        </td>
      </Show>
    </tr>
  );
}
