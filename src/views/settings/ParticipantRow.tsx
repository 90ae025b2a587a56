// One participant in the settings list: name (renamable), kind, how many activities it owns, and its buttons.
import { Show, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { ModelError } from '../../model/result.ts';
import type { Participant } from '../../model/schema.ts';
import type { Direction, SettingsActions } from '../../state/settingsActions.ts';
import { NameCell } from './NameCell.tsx';
import { RowActions } from './RowActions.tsx';

export interface ParticipantRowProps {
  participant: Participant;
  /** 0-based place in the list, and the list's length (for the move buttons and the announcement). */
  index: number;
  count: number;
  owned: number;
  actions: SettingsActions;
  readOnly: boolean;
  announce: (text: string) => void;
  onError: (error: ModelError) => void;
  onRemove: (participant: Participant) => void;
}

export function ParticipantRow(props: ParticipantRowProps): JSX.Element {
  const [renaming, setRenaming] = createSignal(false);
  const rowId = (): string => `participant-${props.participant.id}`;

  const rename = (name: string) => {
    const result = props.actions.renameParticipant(props.participant.id, name);
    if (result.ok) props.announce(t('settings.participants.renamed', { name: props.participant.name }));
    return result;
  };
  const endRename = (): void => {
    setRenaming(false);
    document.getElementById(`${rowId()}-rename`)?.focus();
  };
  const move = (direction: Direction): void => {
    // The 1-based place it moves to, worked out before the list re-renders.
    const position = props.index + (direction === 'up' ? 0 : 2);
    const result = props.actions.moveParticipant(props.participant.id, direction);
    if (!result.ok) return props.onError(result.error);
    props.announce(t('settings.moved', { name: props.participant.name, position, count: props.count }));
  };

  return (
    <tr>
      <td>
        <NameCell
          id={rowId()}
          name={props.participant.name}
          editing={renaming()}
          onSave={rename}
          onDone={endRename}
        />
      </td>
      <td>{t(`kind.${props.participant.kind}`)}</td>
      <td class="settings-number">{props.owned}</td>
      <Show when={!props.readOnly}>
        <td>
          <RowActions
            id={rowId()}
            name={props.participant.name}
            canMoveUp={props.index > 0}
            canMoveDown={props.index < props.count - 1}
            onRename={() => setRenaming(true)}
            onMove={move}
            onRemove={() => props.onRemove(props.participant)}
          />
        </td>
      </Show>
    </tr>
  );
}
