// The "Vem är du?" dialog: the user's name and organisation, kept on this device for presence and the change log.
import { createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Actor, Participant } from '../../model/schema.ts';
import { ACTOR_MAX_LENGTH, parseActor } from '../../sync/actor.ts';
import { Dialog } from './Dialog.tsx';
import { SelectField } from './SelectField.tsx';
import type { SelectOption } from './SelectField.tsx';

interface IdentityDialogProps {
  open: boolean;
  /** The identity so far (null: none yet). */
  current: Actor | null;
  participants: readonly Participant[];
  onSave: (actor: Actor) => void;
  onClose: () => void;
}

/** The plan's participants by name, plus the current organisation where it is not one of them. */
function organisationOptions(participants: readonly Participant[], current: string): SelectOption[] {
  const options = participants.map((participant) => ({ value: participant.name, label: participant.name }));
  if (current !== '' && !options.some((option) => option.value === current))
    options.push({ value: current, label: current });
  return options;
}

/** The form inside the dialog; mounted fresh on each open with the current identity filled in. */
function IdentityForm(props: Omit<IdentityDialogProps, 'open'>): JSX.Element {
  // The form starts from the identity as it was when the dialog opened.
  // eslint-disable-next-line solid/reactivity
  const [name, setName] = createSignal(props.current?.name ?? '');
  // eslint-disable-next-line solid/reactivity
  const [organisation, setOrganisation] = createSignal(props.current?.organisation ?? '');
  const [problem, setProblem] = createSignal('');

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const trimmed = name().trim();
    if (trimmed === '') return void setProblem(t('identity.nameRequired'));
    const actor = parseActor({ name: trimmed, organisation: organisation() });
    if (actor === null) return void setProblem(t('identity.nameTooLong', { max: ACTOR_MAX_LENGTH }));
    props.onSave(actor);
    props.onClose();
  };

  return (
    <form class="form" novalidate onSubmit={submit}>
      <h2 id="identity-title">{t('identity.title')}</h2>
      <p id="identity-intro" class="field__hint">
        {t('identity.intro')}
      </p>
      <div class="field">
        <label for="identity-name">{t('identity.name')}</label>
        <input
          id="identity-name"
          type="text"
          data-autofocus
          required
          autocomplete="name"
          maxLength={ACTOR_MAX_LENGTH}
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
          aria-describedby="identity-problem"
          aria-invalid={problem() !== ''}
        />
      </div>
      <SelectField
        id="identity-organisation"
        label={t('identity.organisation')}
        value={organisation()}
        options={organisationOptions(props.participants, props.current?.organisation ?? '')}
        emptyLabel={t('identity.noOrganisation')}
        onChange={setOrganisation}
      />
      <p id="identity-problem" class="form__problem" role="alert" aria-live="assertive">
        {problem()}
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={() => props.onClose()}>
          {t('identity.later')}
        </button>
        <button type="submit" class="button button--primary">
          {t('identity.submit')}
        </button>
      </div>
    </form>
  );
}

/** Asks who the user is; Esc or "Inte nu" closes it without a change. */
export function IdentityDialog(props: IdentityDialogProps): JSX.Element {
  return (
    <Dialog
      open={props.open}
      onClose={() => props.onClose()}
      labelledBy="identity-title"
      describedBy="identity-intro"
    >
      <IdentityForm
        current={props.current}
        participants={props.participants}
        onSave={(actor) => props.onSave(actor)}
        onClose={() => props.onClose()}
      />
    </Dialog>
  );
}
