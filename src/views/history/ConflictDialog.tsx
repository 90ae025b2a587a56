// One open conflict: both values with who and when, and one button per value to keep it; or, for an activity
// deleted while someone changed it, the choice between restoring it and letting the deletion stand.
import { For, Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Conflict, EditedDeletedConflict, ValuesConflict } from '../../state/conflicts.ts';
import type { PlanSnapshot } from '../../model/schema.ts';
import { Dialog } from '../parts/Dialog.tsx';
import { authorLine, fieldLabel, valueText } from './describe.ts';

export interface ConflictChoice {
  /** Keeps the candidate with `key`: a normal edit, undoable, that closes the conflict for everyone. */
  keep(conflict: ValuesConflict, key: string): void;
  restoreDeleted(conflict: EditedDeletedConflict): void;
  keepDeleted(conflict: EditedDeletedConflict): void;
}

/** What a conflict is about, in one line: the activity (or plan part) and the cell. */
export function conflictSubject(conflict: Conflict, plan: PlanSnapshot): string {
  if (conflict.kind === 'editedDeleted') return conflict.text;
  const { cell } = conflict;
  if (cell.target === 'activity')
    return plan.activities.find((activity) => activity.id === cell.id)?.text ?? '';
  if (cell.target === 'focusArea') return plan.focusAreas.find((area) => area.id === cell.id)?.name ?? '';
  if (cell.target === 'participant') return plan.participants.find((p) => p.id === cell.id)?.name ?? '';
  return plan.meta.title;
}

export function ConflictDialog(props: {
  conflict: Conflict | null;
  plan: PlanSnapshot;
  readOnly: boolean;
  choice: ConflictChoice;
  onClose: () => void;
}): JSX.Element {
  // What both kinds of choice read, as getters so they stay live.
  const common: Omit<ChoiceProps<Conflict>, 'conflict'> = {
    get plan() {
      return props.plan;
    },
    get readOnly() {
      return props.readOnly;
    },
    get choice() {
      return props.choice;
    },
    onClose: () => props.onClose(),
  };
  return (
    <Dialog open={props.conflict !== null} onClose={() => props.onClose()} labelledBy="conflict-title">
      <Show when={props.conflict}>
        {(conflict) => (
          <div class="form conflict" data-testid="conflict-dialog">
            <h2 id="conflict-title">
              {conflict().kind === 'values' ? t('conflict.title') : t('conflict.deletedTitle')}
            </h2>
            <p class="conflict__subject">{conflictSubject(conflict(), props.plan)}</p>
            <Show when={asValues(conflict())} keyed>
              {(values) => <ValueChoices conflict={values} {...common} />}
            </Show>
            <Show when={asDeleted(conflict())} keyed>
              {(deleted) => <DeletedChoice conflict={deleted} {...common} />}
            </Show>
          </div>
        )}
      </Show>
    </Dialog>
  );
}

const asValues = (conflict: Conflict): ValuesConflict | false => conflict.kind === 'values' && conflict;
const asDeleted = (conflict: Conflict): EditedDeletedConflict | false =>
  conflict.kind === 'editedDeleted' && conflict;

interface ChoiceProps<C extends Conflict> {
  conflict: C;
  plan: PlanSnapshot;
  readOnly: boolean;
  choice: ConflictChoice;
  onClose: () => void;
}

function ValueChoices(props: ChoiceProps<ValuesConflict>): JSX.Element {
  const field = (): string => props.conflict.cell.field;
  return (
    <>
      <p>{t('conflict.explain', { field: fieldLabel(props.conflict.cell) })}</p>
      <ul class="conflict__values">
        <For each={props.conflict.candidates}>
          {(candidate, index) => (
            <li class="conflict__value">
              <p class="conflict__text">{valueText(field(), candidate.value, props.plan)}</p>
              <p class="conflict__who">
                {authorLine(candidate.by, candidate.at)}
                <Show when={candidate.value === props.conflict.current}>
                  {' · '}
                  <strong>{t('conflict.shownNow')}</strong>
                </Show>
              </p>
              <Show when={!props.readOnly}>
                <button
                  type="button"
                  class="button"
                  data-autofocus={index() === 0 ? true : undefined}
                  onClick={() => {
                    props.choice.keep(props.conflict, candidate.key);
                    props.onClose();
                  }}
                >
                  {t('conflict.keep')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <div class="actions">
        <button type="button" class="button" onClick={() => props.onClose()}>
          {t('conflict.later')}
        </button>
      </div>
    </>
  );
}

function DeletedChoice(props: ChoiceProps<EditedDeletedConflict>): JSX.Element {
  return (
    <>
      <p>
        {t('conflict.deletedExplain', {
          who: authorLine(props.conflict.deletedBy, props.conflict.deletedAt),
        })}
      </p>
      <ul class="conflict__values">
        <For each={props.conflict.edits}>
          {(edit) => (
            <li class="conflict__value">
              <p class="conflict__text">
                {fieldLabel({ target: 'activity', field: edit.field })}:{' '}
                {valueText(edit.field, edit.to, props.plan)}
              </p>
              <p class="conflict__who">{authorLine(edit.by, edit.at)}</p>
            </li>
          )}
        </For>
      </ul>
      <Show when={!props.readOnly}>
        <div class="actions">
          <button
            type="button"
            class="button"
            onClick={() => {
              props.choice.keepDeleted(props.conflict);
              props.onClose();
            }}
          >
            {t('conflict.keepDeleted')}
          </button>
          <button
            type="button"
            class="button button--primary"
            data-autofocus
            onClick={() => {
              props.choice.restoreDeleted(props.conflict);
              props.onClose();
            }}
          >
            {t('conflict.restore')}
          </button>
        </div>
      </Show>
    </>
  );
}
