// "Fokusområden": the areas in plan order with priority and activity count; add, rename, re-prioritise, reorder, remove.
import { For, Show, createMemo, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { ModelError } from '../../model/result.ts';
import type { FocusArea, FocusAreaId } from '../../model/schema.ts';
import type { SettingsActions } from '../../state/settingsActions.ts';
import { ConfirmDialog } from '../parts/ConfirmDialog.tsx';
import { AddFocusAreaForm } from './AddFocusAreaForm.tsx';
import { countOf } from './counts.ts';
import { SettingsList } from './SettingsList.tsx';
import { FocusAreaRow } from './FocusAreaRow.tsx';

export function FocusAreasSection(props: {
  focusAreas: readonly FocusArea[];
  /** Activities per focus area. */
  activities: ReadonlyMap<FocusAreaId, number>;
  actions: SettingsActions;
  readOnly: boolean;
  announce: (text: string) => void;
  onError: (error: ModelError) => void;
}): JSX.Element {
  const [removing, setRemoving] = createSignal<FocusArea | null>(null);
  const removingCount = createMemo(() => {
    const area = removing();
    return area === null ? 0 : countOf(props.activities, area.id);
  });
  const plural = (): 'one' | 'other' => (removingCount() === 1 ? 'one' : 'other');
  let heading: HTMLHeadingElement | undefined = undefined;

  /** Removes `area` (and its activities, which the dialog has named); the focus then goes to the heading. */
  const remove = (area: FocusArea): void => {
    const count = countOf(props.activities, area.id);
    const result = props.actions.removeFocusArea(area.id, { withActivities: count > 0 });
    if (!result.ok) return props.onError(result.error);
    props.announce(
      count > 0
        ? t('settings.focusAreas.removedWith', { name: area.name, count })
        : t('settings.focusAreas.removed', { name: area.name }),
    );
    setTimeout(() => heading?.focus(), 0);
  };
  // Only an area with activities needs asking: an empty one goes at once (Ctrl+Z brings it back).
  const askOrRemove = (area: FocusArea): void => {
    if (countOf(props.activities, area.id) > 0) setRemoving(area);
    else remove(area);
  };

  return (
    <SettingsList
      id="settings-focus-areas"
      heading={t('settings.focusAreas.heading')}
      intro={t('settings.focusAreas.intro')}
      emptyText={t('settings.focusAreas.none')}
      empty={props.focusAreas.length === 0}
      columns={[
        { label: t('settings.col.name') },
        { label: t('settings.col.priority') },
        { label: t('settings.col.activities'), numeric: true },
      ]}
      readOnly={props.readOnly}
      headingRef={(el) => (heading = el)}
      after={
        <Show when={!props.readOnly}>
          <AddFocusAreaForm
            onAdd={(input) => {
              const result = props.actions.addFocusArea(input);
              if (result.ok) props.announce(t('settings.focusAreas.added', { name: input.name.trim() }));
              return result;
            }}
          />
          <ConfirmDialog
            open={removing() !== null}
            id="remove-focus-area"
            title={t('settings.removeFocusArea.title', { name: removing()?.name ?? '' })}
            message={t(`settings.removeFocusArea.message.${plural()}`, { count: removingCount() })}
            confirmLabel={t(`settings.removeFocusArea.submit.${plural()}`, { count: removingCount() })}
            onConfirm={() => {
              const area = removing();
              if (area !== null) remove(area);
            }}
            onClose={() => setRemoving(null)}
          />
        </Show>
      }
    >
      <For each={props.focusAreas}>
        {(area, index) => (
          <FocusAreaRow
            area={area}
            previous={props.focusAreas[index() - 1]}
            next={props.focusAreas[index() + 1]}
            position={index() + 1}
            count={props.focusAreas.length}
            activities={countOf(props.activities, area.id)}
            actions={props.actions}
            readOnly={props.readOnly}
            announce={props.announce}
            onError={props.onError}
            onRemove={askOrRemove}
          />
        )}
      </For>
    </SettingsList>
  );
}
