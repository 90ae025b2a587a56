// "Planen": the plan's name and county, each saved on its own; read-only as plain text.
import { Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Result } from '../../model/result.ts';
import { LIMITS } from '../../model/schema.ts';
import type { PlanMeta } from '../../model/schema.ts';
import type { SettingsActions } from '../../state/settingsActions.ts';
import { SaveField } from './SaveField.tsx';

/** The plan's title and county. */
export function PlanSection(props: {
  meta: PlanMeta;
  actions: SettingsActions;
  readOnly: boolean;
  announce: (text: string) => void;
}): JSX.Element {
  /** Runs a save and says so when it went through. */
  const saved =
    (save: (text: string) => Result<void>, done: () => string) =>
    (text: string): Result<void> => {
      const result = save(text);
      if (result.ok) props.announce(done());
      return result;
    };

  return (
    <section class="settings-section" aria-labelledby="settings-plan-heading">
      <h3 id="settings-plan-heading">{t('settings.plan.heading')}</h3>
      <Show
        when={!props.readOnly}
        fallback={
          <dl class="settings-facts">
            <dt>{t('settings.plan.title')}</dt>
            <dd>{props.meta.title}</dd>
            <dt>{t('settings.plan.county')}</dt>
            <dd>{props.meta.county || t('settings.plan.noCounty')}</dd>
          </dl>
        }
      >
        <div class="settings-plan-fields">
          <SaveField
            id="settings-title"
            label={t('settings.plan.title')}
            value={props.meta.title}
            maxLength={LIMITS.title}
            onSave={saved(props.actions.setTitle, () => t('settings.plan.titleSaved'))}
          />
          <SaveField
            id="settings-county"
            label={t('settings.plan.county')}
            value={props.meta.county}
            maxLength={LIMITS.name}
            onSave={saved(props.actions.setCounty, () => t('settings.plan.countySaved'))}
          />
        </div>
      </Show>
    </section>
  );
}
