// The plan's open conflicts: a notice while any are open, the list of all of them, and the choice for one.
import { For, Show, createEffect, createSignal } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { ModelError, Result } from '../../model/result.ts';
import type { PlanSnapshot } from '../../model/schema.ts';
import type { Conflict, ConflictState } from '../../state/conflicts.ts';
import { Dialog } from '../parts/Dialog.tsx';
import { ConflictDialog, conflictSubject } from './ConflictDialog.tsx';
import type { ConflictChoice } from './ConflictDialog.tsx';
import { fieldLabel } from './describe.ts';

export function ConflictsPanel(props: {
  state: ConflictState;
  plan: PlanSnapshot;
  readOnly: boolean;
  /** The conflict whose choice is open (set by the grid too), or null. */
  selected: Conflict | null;
  onSelect: (conflict: Conflict | null) => void;
  announce: (text: string) => void;
  onError: (error: ModelError) => void;
}): JSX.Element {
  const [listOpen, setListOpen] = createSignal(false);
  const count = (): number => props.state.conflicts().length;
  const settle = (result: Result<unknown>, done: string): void => {
    if (result.ok) props.announce(done);
    else props.onError(result.error);
  };
  const choice: ConflictChoice = {
    keep: (conflict, key) => settle(props.state.keep(conflict, key), t('conflict.kept')),
    restoreDeleted: (conflict) => settle(props.state.restoreDeleted(conflict), t('conflict.restored')),
    keepDeleted: (conflict) => settle(props.state.keepDeleted(conflict), t('conflict.keptDeleted')),
  };
  // Someone else may settle the open one meanwhile: then there is nothing left to choose.
  createEffect(() => {
    const selected = props.selected;
    if (selected !== null && !props.state.conflicts().some((open) => sameConflict(open, selected)))
      props.onSelect(null);
  });
  const label = (conflict: Conflict): string =>
    conflict.kind === 'values' ? fieldLabel(conflict.cell) : t('conflict.deletedTitle');

  return (
    <>
      <Show when={count() > 0}>
        <div class="notice notice--warning notice--with-action" data-testid="conflicts-notice">
          <p>{t('conflicts.intro')}</p>
          <button type="button" class="button" onClick={() => setListOpen(true)}>
            {t('conflicts.button', { count: count() })}
          </button>
        </div>
      </Show>
      <Dialog open={listOpen()} onClose={() => setListOpen(false)} labelledBy="conflicts-title">
        <div class="form conflicts" data-testid="conflicts-dialog">
          <h2 id="conflicts-title">{t('conflicts.title')}</h2>
          <Show when={count() > 0} fallback={<p>{t('conflicts.none')}</p>}>
            <ul class="conflicts__list">
              <For each={props.state.conflicts()}>
                {(conflict, index) => (
                  <li class="conflicts__item">
                    <span class="conflicts__field">{label(conflict)}</span>
                    <span class="conflicts__subject">{conflictSubject(conflict, props.plan)}</span>
                    <button
                      type="button"
                      class="button"
                      data-autofocus={index() === 0 ? true : undefined}
                      onClick={() => {
                        setListOpen(false);
                        props.onSelect(conflict);
                      }}
                    >
                      {t('conflicts.open')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <div class="actions">
            <button type="button" class="button" onClick={() => setListOpen(false)}>
              {t('conflicts.close')}
            </button>
          </div>
        </div>
      </Dialog>
      <ConflictDialog
        conflict={props.selected}
        plan={props.plan}
        readOnly={props.readOnly}
        choice={choice}
        onClose={() => props.onSelect(null)}
      />
    </>
  );
}

/** True when both describe the same open conflict (the objects differ after every change). */
export function sameConflict(a: Conflict, b: Conflict): boolean {
  if (a.kind === 'editedDeleted' || b.kind === 'editedDeleted')
    return (
      a.kind === b.kind &&
      a.kind === 'editedDeleted' &&
      b.kind === 'editedDeleted' &&
      a.deleteKey === b.deleteKey
    );
  return a.cell.target === b.cell.target && a.cell.id === b.cell.id && a.cell.field === b.cell.field;
}
