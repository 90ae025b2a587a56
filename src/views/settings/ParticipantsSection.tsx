// "Deltagare": the organisations in order with their kind and activity count; add, rename, reorder and remove.
import { For, Show, createMemo, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { ModelError } from '../../model/result.ts';
import type { Participant, ParticipantId } from '../../model/schema.ts';
import type { SettingsActions } from '../../state/settingsActions.ts';
import { countOf } from './counts.ts';
import { SettingsList } from './SettingsList.tsx';
import { AddParticipantForm } from './AddParticipantForm.tsx';
import { ParticipantRow } from './ParticipantRow.tsx';
import { RemoveParticipantDialog } from './RemoveParticipantDialog.tsx';

export function ParticipantsSection(props: {
  participants: readonly Participant[];
  /** Activities owned, per participant. */
  owned: ReadonlyMap<ParticipantId, number>;
  actions: SettingsActions;
  readOnly: boolean;
  announce: (text: string) => void;
  onError: (error: ModelError) => void;
}): JSX.Element {
  const [removing, setRemoving] = createSignal<Participant | null>(null);
  // The dialog keeps the participant as it was when opened; its count follows the plan.
  const removingOwned = createMemo(() => {
    const participant = removing();
    return participant === null ? 0 : countOf(props.owned, participant.id);
  });
  let heading: HTMLHeadingElement | undefined = undefined;

  return (
    <SettingsList
      id="settings-participants"
      heading={t('settings.participants.heading')}
      intro={t('settings.participants.intro')}
      emptyText={t('settings.participants.none')}
      empty={props.participants.length === 0}
      columns={[
        { label: t('settings.col.name') },
        { label: t('settings.col.kind') },
        { label: t('settings.col.activities'), numeric: true },
      ]}
      readOnly={props.readOnly}
      headingRef={(el) => (heading = el)}
      after={
        <Show when={!props.readOnly}>
          <AddParticipantForm
            onAdd={(input) => {
              const result = props.actions.addParticipant(input);
              if (result.ok) props.announce(t('settings.participants.added', { name: input.name.trim() }));
              return result;
            }}
          />
          <RemoveParticipantDialog
            participant={removing()}
            owned={removingOwned()}
            participants={props.participants}
            onRemove={(participant, owned) => {
              const result = props.actions.removeParticipant(participant.id, owned);
              if (!result.ok) return result;
              props.announce(t('settings.participants.removed', { name: participant.name }));
              // The row and its button are gone: once the dialog has closed, the focus goes to the list's heading.
              setTimeout(() => heading?.focus(), 0);
              return result;
            }}
            onClose={() => setRemoving(null)}
          />
        </Show>
      }
    >
      <For each={props.participants}>
        {(participant, index) => (
          <ParticipantRow
            participant={participant}
            index={index()}
            count={props.participants.length}
            owned={countOf(props.owned, participant.id)}
            actions={props.actions}
            readOnly={props.readOnly}
            announce={props.announce}
            onError={props.onError}
            onRemove={setRemoving}
          />
        )}
      </For>
    </SettingsList>
  );
}
