// The "Nytt fokusområde" dialog: name and priority; Enter adds, Esc cancels, refusals are shown in place.
import { createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Result } from '../../model/result.ts';
import { LIMITS } from '../../model/schema.ts';
import type { FocusAreaId } from '../../model/schema.ts';
import type { NewFocusAreaInput } from '../../state/types.ts';
import { Dialog } from './Dialog.tsx';
import { PriorityInput } from './PriorityInput.tsx';

interface AddFocusAreaDialogProps {
  open: boolean;
  onAdd: (input: NewFocusAreaInput) => Result<FocusAreaId>;
  onClose: () => void;
}

const DEFAULT_PRIORITY = 1;

/** The form inside the dialog; mounted fresh on each open, so it starts empty with priority 1. */
function AddFocusAreaForm(props: Omit<AddFocusAreaDialogProps, 'open'>): JSX.Element {
  const [name, setName] = createSignal('');
  const [priority, setPriority] = createSignal(String(DEFAULT_PRIORITY));
  const [problem, setProblem] = createSignal<{ text: string; field: string | undefined } | null>(null);
  const invalid = (field: string): boolean => problem()?.field === field;

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    // The model is the judge (the form has novalidate), so every refusal reads the same as elsewhere in the app.
    const result = props.onAdd({ name: name(), priority: priority() });
    if (result.ok) props.onClose();
    else setProblem({ text: t(`error.${result.error.code}`), field: result.error.field });
  };

  return (
    <form class="form" novalidate onSubmit={submit}>
      <h2 id="focus-area-title">{t('addFocusArea.title')}</h2>
      <div class="field">
        <label for="focus-area-name">{t('addFocusArea.name')}</label>
        <input
          id="focus-area-name"
          type="text"
          data-autofocus
          autocomplete="off"
          maxLength={LIMITS.name}
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
          aria-describedby="focus-area-hint focus-area-problem"
          aria-invalid={invalid('name')}
        />
      </div>
      <div class="field">
        <label for="focus-area-priority">{t('addFocusArea.priority')}</label>
        <PriorityInput
          id="focus-area-priority"
          value={priority()}
          onInput={setPriority}
          invalid={invalid('priority')}
          describedBy="focus-area-priority-hint focus-area-problem"
        />
        <p id="focus-area-priority-hint" class="field__hint">
          {t('addFocusArea.priorityHint')}
        </p>
      </div>
      <p id="focus-area-hint" class="field__hint">
        {t('addFocusArea.hint')}
      </p>
      <p id="focus-area-problem" class="form__problem" role="alert" aria-live="assertive">
        {problem()?.text ?? ''}
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={() => props.onClose()}>
          {t('dialog.cancel')}
        </button>
        <button type="submit" class="button button--primary">
          {t('addFocusArea.submit')}
        </button>
      </div>
    </form>
  );
}

/** The dialog around the form; Esc or Cancel closes it and focus goes back to the button that opened it. */
export function AddFocusAreaDialog(props: AddFocusAreaDialogProps): JSX.Element {
  return (
    <Dialog open={props.open} onClose={() => props.onClose()} labelledBy="focus-area-title">
      <AddFocusAreaForm onAdd={(input) => props.onAdd(input)} onClose={() => props.onClose()} />
    </Dialog>
  );
}
