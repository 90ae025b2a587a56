// The "Skapa plan" form: title and template (Jämtland Härjedalen by default), and an admin key when the server asks.
import { Show, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { LIMITS, TEMPLATE_IDS } from '../../model/schema.ts';
import type { TemplateId } from '../../model/schema.ts';
import { requestNewPlan } from '../../sync/plansApi.ts';
import type { CreatedPlan, CreatePlanFailure } from '../../sync/plansApi.ts';
import { SelectField } from './SelectField.tsx';

const DEFAULT_TEMPLATE: TemplateId = 'jamtland-harjedalen';

const failureText = (reason: CreatePlanFailure | 'required'): string =>
  reason === 'required'
    ? t('error.required')
    : reason === 'admin_required'
      ? t('start.create.adminHelp')
      : reason === 'admin_wrong'
        ? t('start.create.adminWrong')
        : t('start.create.failed');

/** Creates a plan on the server; one click with the defaults makes the Jämtland Härjedalen plan. */
export function CreatePlanForm(props: {
  onCreated: (plan: CreatedPlan, title: string) => void;
}): JSX.Element {
  const [title, setTitle] = createSignal(t('start.create.titleDefault'));
  const [template, setTemplate] = createSignal<TemplateId>(DEFAULT_TEMPLATE);
  const [adminToken, setAdminToken] = createSignal('');
  const [needsAdmin, setNeedsAdmin] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<CreatePlanFailure | 'required' | null>(null);
  let adminInput: HTMLInputElement | undefined = undefined;
  let titleInput: HTMLInputElement | undefined = undefined;

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (busy()) return;
    const cleanTitle = title().trim();
    if (cleanTitle === '') {
      setProblem('required');
      titleInput?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const outcome = await requestNewPlan(
      { title: cleanTitle, template: template() },
      needsAdmin() ? adminToken().trim() : undefined,
    );
    setBusy(false);
    if (outcome.ok) {
      props.onCreated(outcome.plan, cleanTitle);
      return;
    }
    setProblem(outcome.reason);
    if (outcome.reason !== 'failed') {
      setNeedsAdmin(true);
      queueMicrotask(() => adminInput?.focus());
    }
  };

  return (
    <form
      class="card form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="create-heading"
      novalidate
    >
      <h2 id="create-heading">{t('start.create.heading')}</h2>
      <div class="field">
        <label for="plan-title">{t('start.create.titleLabel')}</label>
        <input
          id="plan-title"
          ref={(el) => (titleInput = el)}
          type="text"
          required
          maxLength={LIMITS.title}
          value={title()}
          onInput={(event) => setTitle(event.currentTarget.value)}
          aria-invalid={problem() === 'required'}
          aria-describedby={problem() !== null ? 'create-problem' : undefined}
        />
      </div>
      <SelectField
        id="plan-template"
        label={t('start.create.templateLabel')}
        value={template()}
        options={TEMPLATE_IDS.map((id) => ({ value: id, label: t(`template.${id}`) }))}
        onChange={(value) => setTemplate(value as TemplateId)}
      />
      <Show when={needsAdmin()}>
        <div class="field">
          <label for="admin-token">{t('start.create.adminLabel')}</label>
          <input
            id="admin-token"
            ref={(el) => (adminInput = el)}
            type="password"
            autocomplete="off"
            value={adminToken()}
            onInput={(event) => setAdminToken(event.currentTarget.value)}
            aria-describedby="create-problem"
          />
        </div>
      </Show>
      <p id="create-problem" class="form__problem" role="alert">
        {problem() === null ? '' : failureText(problem() ?? 'failed')}
      </p>
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy()} aria-busy={busy()}>
          {busy() ? t('start.create.busy') : t('start.create.submit')}
        </button>
      </div>
    </form>
  );
}
