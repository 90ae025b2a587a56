// The "Lägg till aktivitet" dialog: focus area, step and text; Enter adds, Esc cancels, refusals are shown in place.
import { Show, createSignal, untrack } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Result } from '../../model/result.ts';
import { LIMITS, STEPS } from '../../model/schema.ts';
import type { ActivityId, FocusArea, FocusAreaId, Step } from '../../model/schema.ts';
import type { NewActivityInput } from '../../state/types.ts';
import { Dialog } from './Dialog.tsx';
import { SelectField } from './SelectField.tsx';

/** Where the new activity goes unless the person picks otherwise (the selected row's place, else the first area). */
export interface AddActivityDefaults {
  focusAreaId: FocusAreaId | '';
  step: Step;
  after?: ActivityId;
}

interface AddActivityDialogProps {
  open: boolean;
  focusAreas: readonly FocusArea[];
  defaults: AddActivityDefaults;
  onAdd: (input: NewActivityInput) => Result<ActivityId>;
  onClose: () => void;
}

/** The form inside the dialog; mounted fresh on each open, so it starts from the defaults. */
function AddActivityForm(props: Omit<AddActivityDialogProps, 'open'>): JSX.Element {
  // Start values only: the form is mounted fresh on each open.
  const initial = untrack(() => ({ ...props.defaults, firstArea: props.focusAreas[0]?.id ?? ('' as const) }));
  const [focusAreaId, setFocusAreaId] = createSignal<FocusAreaId | ''>(
    initial.focusAreaId !== '' ? initial.focusAreaId : initial.firstArea,
  );
  const [step, setStep] = createSignal<Step>(initial.step);
  const [text, setText] = createSignal('');
  const [problem, setProblem] = createSignal('');
  let form: HTMLFormElement | undefined = undefined;

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const area = focusAreaId();
    if (area === '') return;
    // "after" only holds while the person kept the selected row's area and step.
    const keepsPlace = area === props.defaults.focusAreaId && step() === props.defaults.step;
    const input: NewActivityInput = { focusAreaId: area, step: step(), text: text() };
    if (keepsPlace && props.defaults.after !== undefined) input.after = props.defaults.after;
    const result = props.onAdd(input);
    if (result.ok) props.onClose();
    else setProblem(t(`error.${result.error.code}`));
  };

  const onTextKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form?.requestSubmit();
    }
  };

  return (
    <form ref={(el) => (form = el)} class="form" onSubmit={submit}>
      <h2 id="add-title">{t('add.title')}</h2>
      <Show when={props.focusAreas.length > 0} fallback={<p role="alert">{t('add.noFocusAreas')}</p>}>
        <SelectField
          id="add-focus-area"
          label={t('add.focusArea')}
          value={focusAreaId()}
          options={props.focusAreas.map((area) => ({ value: area.id, label: area.name }))}
          onChange={(value) => setFocusAreaId(value as FocusAreaId)}
        />
        <SelectField
          id="add-step"
          label={t('add.step')}
          value={String(step())}
          options={STEPS.map((s) => ({ value: String(s), label: t('step.label', { step: s }) }))}
          onChange={(value) => setStep(Number(value) as Step)}
        />
        <div class="field">
          <label for="add-text">{t('add.text')}</label>
          <textarea
            id="add-text"
            data-autofocus
            rows={3}
            maxLength={LIMITS.text}
            value={text()}
            onInput={(event) => setText(event.currentTarget.value)}
            onKeyDown={onTextKey}
            aria-describedby="add-hint add-problem"
            aria-invalid={problem() !== ''}
          />
          <p id="add-hint" class="field__hint">
            {t('add.hint')}
          </p>
        </div>
      </Show>
      <p id="add-problem" class="form__problem" role="alert">
        {problem()}
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={() => props.onClose()}>
          {t('dialog.cancel')}
        </button>
        <Show when={props.focusAreas.length > 0}>
          <button type="submit" class="button button--primary">
            {t('add.submit')}
          </button>
        </Show>
      </div>
    </form>
  );
}

/** The dialog around the form. */
export function AddActivityDialog(props: AddActivityDialogProps): JSX.Element {
  return (
    <Dialog open={props.open} onClose={() => props.onClose()} labelledBy="add-title">
      <AddActivityForm
        focusAreas={props.focusAreas}
        defaults={props.defaults}
        onAdd={(input) => props.onAdd(input)}
        onClose={() => props.onClose()}
      />
    </Dialog>
  );
}
