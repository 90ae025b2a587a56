// "Lägg till fokusområde" in the settings: a name and a priority (placed last among that priority).
import { createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Result } from '../../model/result.ts';
import type { FocusAreaId } from '../../model/schema.ts';
import { PriorityInput } from '../parts/PriorityInput.tsx';
import { SettingsAddForm } from './SettingsAddForm.tsx';

export function AddFocusAreaForm(props: {
  onAdd: (input: { name: string; priority: string }) => Result<FocusAreaId>;
}): JSX.Element {
  const [priority, setPriority] = createSignal('1');
  return (
    <SettingsAddForm
      id="add-focus-area"
      heading={t('settings.focusAreas.add')}
      nameLabel={t('settings.focusAreas.addName')}
      onAdd={(name) => props.onAdd({ name, priority: priority() })}
    >
      {(invalid) => (
        <div class="field settings-add__priority">
          <label for="add-focus-area-priority">{t('settings.focusAreas.addPriority')}</label>
          <PriorityInput
            id="add-focus-area-priority"
            value={priority()}
            onInput={setPriority}
            invalid={invalid('priority')}
            describedBy="add-focus-area-problem"
          />
        </div>
      )}
    </SettingsAddForm>
  );
}
