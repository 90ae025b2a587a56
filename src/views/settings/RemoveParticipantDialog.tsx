// Asks before a participant is removed and, when it owns activities, what happens to them: hand over, or just unassign.
import { Show, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Result } from '../../model/result.ts';
import type { Participant, ParticipantId } from '../../model/schema.ts';
import type { OwnedActivities } from '../../state/settingsActions.ts';
import { Dialog } from '../parts/Dialog.tsx';
import { SelectField } from '../parts/SelectField.tsx';

export interface RemoveParticipantDialogProps {
  /** The participant to remove; the dialog is open while it is set. */
  participant: Participant | null;
  /** How many activities it owns. */
  owned: number;
  /** Every participant of the plan, in order (the removed one is left out of the hand-over choice). */
  participants: readonly Participant[];
  /** Removes it; `owned` is the choice when it owns activities. A refusal is shown in the dialog. */
  onRemove: (participant: Participant, owned: OwnedActivities | undefined) => Result<void>;
  onClose: () => void;
}

export function RemoveParticipantDialog(props: RemoveParticipantDialogProps): JSX.Element {
  return (
    <Dialog
      open={props.participant !== null}
      onClose={() => props.onClose()}
      labelledBy="remove-participant-title"
      describedBy="remove-participant-message"
    >
      <Show when={props.participant}>
        {(participant) => <RemoveParticipantForm {...props} participant={participant()} />}
      </Show>
    </Dialog>
  );
}

/** Mounted fresh on each open: hand-over preselected when there is someone to hand over to. */
function RemoveParticipantForm(
  props: Omit<RemoveParticipantDialogProps, 'participant'> & { participant: Participant },
): JSX.Element {
  const name = (): string => props.participant.name;
  const heirs = (): readonly Participant[] => props.participants.filter((p) => p.id !== props.participant.id);
  const [choice, setChoice] = createSignal<'handOver' | 'unassign'>(
    heirs().length > 0 ? 'handOver' : 'unassign',
  );
  const [heir, setHeir] = createSignal<string>(heirs()[0]?.id ?? '');
  const [problem, setProblem] = createSignal('');

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const owned: OwnedActivities | undefined =
      props.owned === 0
        ? undefined
        : choice() === 'handOver'
          ? { reassignTo: heir() as ParticipantId }
          : 'unassign';
    const result = props.onRemove(props.participant, owned);
    if (result.ok) props.onClose();
    else setProblem(t(`error.${result.error.code}`, result.error.params));
  };

  return (
    <form class="form" novalidate onSubmit={submit}>
      <h2 id="remove-participant-title">{t('settings.removeParticipant.title', { name: name() })}</h2>
      <p id="remove-participant-message">
        {props.owned === 0
          ? t('settings.removeParticipant.ownsNone', { name: name() })
          : t(`settings.removeParticipant.owns.${props.owned === 1 ? 'one' : 'other'}`, {
              name: name(),
              count: props.owned,
            })}
      </p>
      <Show when={props.owned > 0}>
        <fieldset class="settings-choice">
          <legend>{t('settings.removeParticipant.choice', { name: name() })}</legend>
          <div class="settings-choice__option">
            <input
              type="radio"
              id="remove-participant-hand-over"
              name="remove-participant-choice"
              checked={choice() === 'handOver'}
              disabled={heirs().length === 0}
              aria-describedby={heirs().length === 0 ? 'remove-participant-no-heir' : undefined}
              onChange={() => setChoice('handOver')}
            />
            <label for="remove-participant-hand-over">{t('settings.removeParticipant.handOver')}</label>
          </div>
          <Show
            when={heirs().length > 0}
            fallback={
              <p id="remove-participant-no-heir" class="field__hint">
                {t('settings.removeParticipant.noHeir')}
              </p>
            }
          >
            <div class="settings-choice__detail">
              <SelectField
                id="remove-participant-heir"
                label={t('settings.removeParticipant.heir')}
                value={heir()}
                options={heirs().map((p) => ({ value: p.id, label: p.name }))}
                disabled={choice() !== 'handOver'}
                onChange={setHeir}
              />
            </div>
          </Show>
          <div class="settings-choice__option">
            <input
              type="radio"
              id="remove-participant-unassign"
              name="remove-participant-choice"
              checked={choice() === 'unassign'}
              onChange={() => setChoice('unassign')}
            />
            <label for="remove-participant-unassign">
              {t('settings.removeParticipant.unassign', { name: name() })}
            </label>
          </div>
        </fieldset>
      </Show>
      <p class="field__hint">{t('settings.removeParticipant.undo')}</p>
      <p class="form__problem" role="alert" aria-live="assertive">
        {problem()}
      </p>
      <div class="actions">
        <button type="button" class="button" data-autofocus onClick={() => props.onClose()}>
          {t('dialog.cancel')}
        </button>
        <button type="submit" class="button button--danger">
          {t('settings.removeParticipant.submit')}
        </button>
      </div>
    </form>
  );
}
