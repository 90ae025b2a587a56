// "Lägg till deltagare": a name and a kind of organisation.
import { For, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Result } from '../../model/result.ts';
import { PARTICIPANT_KINDS } from '../../model/schema.ts';
import type { ParticipantId, ParticipantKind } from '../../model/schema.ts';
import { SettingsAddForm } from './SettingsAddForm.tsx';

export function AddParticipantForm(props: {
  onAdd: (input: { name: string; kind: ParticipantKind }) => Result<ParticipantId>;
}): JSX.Element {
  const [kind, setKind] = createSignal<ParticipantKind>('municipality');
  return (
    <SettingsAddForm
      id="add-participant"
      heading={t('settings.participants.add')}
      nameLabel={t('settings.participants.addName')}
      onAdd={(name) => props.onAdd({ name, kind: kind() })}
    >
      {() => (
        <div class="field">
          <label for="add-participant-kind">{t('settings.participants.addKind')}</label>
          <select
            id="add-participant-kind"
            value={kind()}
            onChange={(event) => setKind(event.currentTarget.value as ParticipantKind)}
          >
            <For each={PARTICIPANT_KINDS}>
              {(option) => <option value={option}>{t(`kind.${option}`)}</option>}
            </For>
          </select>
        </div>
      )}
    </SettingsAddForm>
  );
}
